using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Seeding;
using Digima.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using System.Net;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>The development OAuth server configured as a generic provider, and a rep's mailbox
/// connected through it: the app's authorization URL (PKCE, state) answered by the server's
/// sign-in form, the code exchanged by the app's client, the grant stored by the repository.</summary>
internal static class OAuthMailboxes
{
    public const string Provider = "dev";

    public static readonly Uri RedirectUri = new("http://127.0.0.1/oauth/callback");

    /// <param name="smtpPort">Another port for SMTP (a relay in front of Postfix).</param>
    public static Dictionary<string, string?> Settings(string clientId, int? smtpPort = null) => new()
    {
        [$"Digima:OAuth:Providers:{Provider}:Kind"] = "Generic",
        [$"Digima:OAuth:Providers:{Provider}:Issuer"] = TestEnvironment.OAuthUrl.AbsoluteUri,
        [$"Digima:OAuth:Providers:{Provider}:ClientId"] = clientId,
        [$"Digima:OAuth:Providers:{Provider}:ClientSecret"] = "digima-tests-secret",
        [$"Digima:OAuth:Providers:{Provider}:Scopes:0"] = "mail",
        [$"Digima:OAuth:Providers:{Provider}:Scopes:1"] = "offline_access",
        [$"Digima:OAuth:Providers:{Provider}:Scopes:2"] = "openid",
        [$"Digima:OAuth:Providers:{Provider}:Scopes:3"] = "email",
        [$"Digima:OAuth:Providers:{Provider}:Imap:Host"] = TestEnvironment.MailHost,
        [$"Digima:OAuth:Providers:{Provider}:Imap:Port"] = TestEnvironment.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Digima:OAuth:Providers:{Provider}:Imap:Security"] = "None",
        [$"Digima:OAuth:Providers:{Provider}:Smtp:Host"] = TestEnvironment.MailHost,
        [$"Digima:OAuth:Providers:{Provider}:Smtp:Port"] = (smtpPort ?? TestEnvironment.SmtpPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Digima:OAuth:Providers:{Provider}:Smtp:Security"] = "None",
        ["Digima:OAuth:RedirectUri"] = RedirectUri.AbsoluteUri,
    };

    /// <summary>Grants access as the rep at the development server and stores the grant as the
    /// rep's mailbox; returns the tokens, for tests that look for them where they must not be.</summary>
    public static async Task<OAuthTokens> ConnectAsync(ServiceHarness services, CurrentUser rep, DevOAuthClient server)
    {
        var providers = services.Get<IOAuthProviders>();
        var authorization = await providers.AuthorizeAsync(Provider, RedirectUri, rep.Email, CancellationToken.None);
        var (state, code) = await GrantAsync(server, authorization.Url, rep.Email);
        Assert.Equal(authorization.State, state);
        var tokens = await providers.ExchangeCodeAsync(Provider, code, authorization.CodeVerifier, RedirectUri, CancellationToken.None);

        var secrets = services.Get<ISecretProtector>();
        var info = providers.All.Single(p => p.Name == Provider);
        StoredMailServer Server(MailServerPreset preset) => new(preset.Host, preset.Port, preset.Security, rep.Email, "");
        await services.Get<IMailboxRepository>().SaveAsync(
            new StoredMailbox(rep.Id, rep.DisplayName, rep.Email, Server(info.Smtp), Server(info.Imap), true, "Sent", services.Clock.GetUtcNow())
            {
                OAuth = new StoredOAuthGrant(
                    Provider, secrets.Protect(tokens.RefreshToken!), secrets.Protect(tokens.AccessToken), tokens.ExpiresAt, tokens.IssuedAt,
                    services.Clock.GetUtcNow(), null, null),
            },
            CancellationToken.None);
        return tokens;
    }

    /// <summary>Connects (or connects again) the rep's mailbox the way the settings page does: the
    /// app's start and callback use cases, with the server's sign-in page answered as the rep.</summary>
    public static Task<OAuthConnectResult> ConnectThroughAppAsync(ServiceHarness services, CurrentUser rep) =>
        services.Get<DevProviderConsent>().ConnectAsync(rep, Provider, TestEnvironment.MailPassword, CancellationToken.None);

    /// <summary>Signs in as LOGIN at the development server's page for an authorization URL and
    /// allows access; returns the state and code of the redirect back to the app.</summary>
    public static async Task<(string State, string Code)> GrantAsync(DevOAuthClient server, Uri authorizationUrl, string login)
    {
        var form = QueryHelpers.ParseQuery(authorizationUrl.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["login"] = login;
        form["password"] = TestEnvironment.MailPassword;
        form["decision"] = "allow";
        using var answer = await server.Http.PostAsync(authorizationUrl.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var back = QueryHelpers.ParseQuery(answer.Headers.Location!.Query);
        return (back["state"].Single()!, back["code"].Single()!);
    }
}
