namespace Digima.Core.Mailboxes;

/// <summary>The OAuth 2.0 / OpenID Connect providers an administrator configured
/// (<c>Digima:OAuth:Providers</c>): Google, Microsoft and standards-compliant ones. Used to connect
/// a mailbox with the authorization code flow and PKCE; refreshing is the credential source's job.</summary>
public interface IOAuthProviders
{
    /// <summary>The configured provider names, in configuration order.</summary>
    IReadOnlyList<OAuthProviderInfo> All { get; }

    /// <summary>Where to send the rep's browser to grant access, with a fresh state and PKCE verifier
    /// that the caller keeps (server side) until the redirect comes back.</summary>
    /// <exception cref="ArgumentException">No provider of that name is configured.</exception>
    /// <exception cref="MailboxTokenUnavailableException">A generic provider's discovery document could not be read.</exception>
    Task<OAuthAuthorization> AuthorizeAsync(string provider, Uri redirectUri, string? loginHint, CancellationToken cancellationToken);

    /// <summary>Exchanges the code from the redirect for tokens (PKCE: the verifier proves the caller started the flow).</summary>
    /// <exception cref="MailboxReconnectRequiredException">The provider refused the code (expired, replayed, wrong verifier).</exception>
    /// <exception cref="MailboxTokenUnavailableException">The token endpoint could not be reached.</exception>
    Task<OAuthTokens> ExchangeCodeAsync(string provider, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken);

    /// <summary>Revokes a token at the provider (disconnecting a mailbox); a provider without a
    /// revocation endpoint is left alone.</summary>
    Task RevokeAsync(string provider, string token, CancellationToken cancellationToken);
}

/// <summary>A configured provider and the servers its mailboxes use.</summary>
public sealed record OAuthProviderInfo(string Name, string DisplayName, MailServerPreset Imap, MailServerPreset Smtp)
{
    /// <summary>Which button the settings page shows for it.</summary>
    public OAuthProviderKind Kind { get; init; } = OAuthProviderKind.Generic;
}

/// <summary>The kinds of provider under <c>Digima:OAuth:Providers:&lt;name&gt;:Kind</c>.</summary>
public enum OAuthProviderKind
{
    /// <summary>Google Workspace / Gmail: known endpoints, IMAP and SMTP at gmail.com.</summary>
    Google,

    /// <summary>Microsoft 365 (Entra ID): endpoints of its tenant, IMAP and SMTP at office365.com.</summary>
    Microsoft,

    /// <summary>Any OAuth 2.0 / OpenID Connect provider: endpoints from its discovery document.</summary>
    Generic,
}

/// <summary>A provider's IMAP or SMTP server, the same for all its mailboxes.</summary>
public sealed record MailServerPreset(string Host, int Port, MailSecurity Security);

/// <summary>The start of an authorization: the URL and what must come back with it.</summary>
public sealed record OAuthAuthorization(Uri Url, string State, string CodeVerifier)
{
    /// <summary>Never the verifier: it is a secret until the code is exchanged.</summary>
    public override string ToString() => Url.GetLeftPart(UriPartial.Path);
}

/// <summary>Tokens from a provider's token endpoint, in clear: protect them before storing.</summary>
/// <param name="RefreshToken">Null when the provider kept the old one (a refresh need not rotate it).</param>
public sealed record OAuthTokens(string AccessToken, string? RefreshToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The account's mail address from the identity token (scopes openid and email), when
    /// the provider sent one issued to this app's client; null otherwise.</summary>
    public string? Account { get; init; }

    /// <summary>Never the tokens: records print every member, and these end up in logs.</summary>
    public override string ToString() => $"access token valid {IssuedAt:O} to {ExpiresAt:O}";
}
