namespace Digima.Tests.Support;

/// <summary>What `./digima test` provides: its own PostgreSQL, Dovecot and Postfix, and Chromium.
/// Running the tests any other way fails with this message rather than skipping.</summary>
public static class TestEnvironment
{
    public static string AdminConnectionString => Require("DIGIMA_TEST_DB");

    /// <summary>Where the test Dovecot and Postfix listen (loopback, no TLS; any address logs in
    /// with the demo password).</summary>
    public static string MailHost => Environment.GetEnvironmentVariable("DIGIMA_TEST_MAIL_HOST") is { Length: > 0 } host ? host : "127.0.0.1";

    public static int ImapPort => int.Parse(Require("DIGIMA_TEST_IMAP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static int SmtpPort => int.Parse(Require("DIGIMA_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The development OAuth server (Digima.DevOAuth) whose access tokens the test Dovecot
    /// and Postfix accept; `./digima test` runs it with access tokens living one minute.</summary>
    public static Uri OAuthUrl => new(Require("DIGIMA_TEST_OAUTH_URL"));

    /// <summary>The local Dovecot and Postfix accept this password for any address (development only).</summary>
    public const string MailPassword = "digima-demo";

    /// <summary>The key ring certificate `./digima test` made for this run (see ops/lib/keyring.sh):
    /// every app node of the run encrypts and reads the Data Protection key ring with it.</summary>
    public static string KeyRingCertificatePath => Require("Digima__DataProtection__CertificatePath");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("DIGIMA_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string ArtifactsDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("DIGIMA_TEST_ARTIFACTS") is { Length: > 0 } d
                ? d
                : Path.Combine(Path.GetTempPath(), "digima-test-artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Set by `./digima screenshots`: current screenshots go to docs/screenshots.</summary>
    public static string? ScreenshotDir => Environment.GetEnvironmentVariable("DIGIMA_SCREENSHOT_DIR") is { Length: > 0 } d ? d : null;

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with `./digima test`, which starts the servers they need.");
}
