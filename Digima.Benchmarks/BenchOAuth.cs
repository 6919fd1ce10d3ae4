using System.Globalization;
using Digima.Benchmarks.Import;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Benchmarks;

/// <summary>How a benchmark's mailboxes log in: with the password, or with an access token of the
/// development OAuth server `./digima bench` started (XOAUTH2; Dovecot checks each login's token
/// at the server's introspection endpoint, as with a real provider).</summary>
internal enum BenchAuth
{
    Password,
    OAuth2,
}

internal static class BenchOAuth
{
    private const string Provider = "dev";

    /// <summary><c>--auth password|oauth2|both</c>: the kinds to measure, in that order.</summary>
    public static IReadOnlyList<BenchAuth> Parse(string value) => value switch
    {
        "password" => [BenchAuth.Password],
        "oauth2" => [BenchAuth.OAuth2],
        "both" => [BenchAuth.Password, BenchAuth.OAuth2],
        _ => throw new ArgumentException($"--auth {value}: expected password, oauth2 or both"),
    };

    public static string Name(this BenchAuth auth) => auth == BenchAuth.OAuth2 ? "OAuth 2.0" : "password";

    /// <summary>The development server as provider <c>dev</c>, with the tests' client (its registered
    /// redirect URI is answered by <see cref="DevProviderConsent"/>, no app listens there).</summary>
    public static Dictionary<string, string?> Settings()
    {
        var issuer = Environment.GetEnvironmentVariable("DIGIMA_BENCH_OAUTH_URL") is { Length: > 0 } url
            ? url.TrimEnd('/') + "/"
            : throw new InvalidOperationException("DIGIMA_BENCH_OAUTH_URL is not set: run the benchmark with `./digima bench`, which starts the servers.");
        var prefix = $"Digima:OAuth:Providers:{Provider}:";
        return new Dictionary<string, string?>
        {
            [prefix + "Kind"] = "Generic",
            [prefix + "Issuer"] = issuer,
            [prefix + "ClientId"] = "digima-tests",
            [prefix + "ClientSecret"] = "digima-tests-secret",
            [prefix + "Scopes:0"] = "mail",
            [prefix + "Scopes:1"] = "offline_access",
            [prefix + "Scopes:2"] = "openid",
            [prefix + "Scopes:3"] = "email",
            [prefix + "Imap:Host"] = BenchEnvironment.MailHost,
            [prefix + "Imap:Port"] = BenchEnvironment.ImapPort.ToString(CultureInfo.InvariantCulture),
            [prefix + "Imap:Security"] = "None",
            [prefix + "Smtp:Host"] = BenchEnvironment.MailHost,
            [prefix + "Smtp:Port"] = BenchEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture),
            [prefix + "Smtp:Security"] = "None",
            ["Digima:OAuth:RedirectUri"] = "http://127.0.0.1/oauth/callback",
        };
    }

    /// <summary>Connects the rep's mailbox through the provider, as the settings page's button does
    /// (the connection test included); throws unless both servers took the token.</summary>
    public static async Task ConnectAsync(IServiceProvider provider, CurrentUser rep)
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DevProviderConsent>().ConnectAsync(rep, Provider, BenchEnvironment.Password, CancellationToken.None);
        if (result is not { Status: OAuthConnectStatus.Connected, Test: { Succeeded: true } })
        {
            throw new InvalidOperationException($"Connecting {rep.Email} with OAuth failed: {result.Status} {result.Test?.Smtp.Status} {result.Test?.Imap.Status}");
        }
    }
}
