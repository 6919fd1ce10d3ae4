using System.Globalization;

namespace Digima.Benchmarks.Import;

/// <summary>The throwaway servers `./digima bench` started for this run.</summary>
internal static class BenchEnvironment
{
    public const string Password = "digima-demo";

    public static string Database => Required("DIGIMA_BENCH_DB");

    public static string MailHost => Environment.GetEnvironmentVariable("DIGIMA_BENCH_MAIL_HOST") is { Length: > 0 } h ? h : "127.0.0.1";

    public static int ImapPort => int.Parse(Required("DIGIMA_BENCH_IMAP_PORT"), CultureInfo.InvariantCulture);

    public static int SmtpPort => int.Parse(Required("DIGIMA_BENCH_SMTP_PORT"), CultureInfo.InvariantCulture);

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run `./digima bench import`, which starts the servers.");
}
