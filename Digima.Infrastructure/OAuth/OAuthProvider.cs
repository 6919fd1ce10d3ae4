using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.OAuth;

/// <summary>One configured provider with the kind's defaults filled in.</summary>
internal sealed class OAuthProvider(string name, OAuthProviderOptions options)
{
    // openid and email (profile at Microsoft, for preferred_username) bring the identity token
    // that names the account: the mailbox's login and sender address.
    private static readonly string[] GoogleScopes = ["https://mail.google.com/", "openid", "email"];

    private static readonly string[] MicrosoftScopes =
        ["https://outlook.office.com/IMAP.AccessAsUser.All", "https://outlook.office.com/SMTP.Send", "offline_access", "openid", "email", "profile"];

    public string Name { get; } = name;

    public OAuthProviderKind Kind => options.Kind;

    public string ClientId => options.ClientId;

    public string ClientSecret => options.ClientSecret;

    public Uri? Issuer => options.Issuer;

    public IReadOnlyList<string> Scopes => options.Scopes.Length > 0 ? options.Scopes : options.Kind switch
    {
        OAuthProviderKind.Google => GoogleScopes,
        OAuthProviderKind.Microsoft => MicrosoftScopes,
        _ => [],
    };

    public OAuthProviderInfo Info => new(
        Name,
        options.DisplayName is { Length: > 0 } shown ? shown : options.Kind.ToString(),
        Preset(options.Imap, options.Kind switch
        {
            OAuthProviderKind.Google => new MailServerPreset("imap.gmail.com", 993, MailSecurity.SslOnConnect),
            _ => new MailServerPreset("outlook.office365.com", 993, MailSecurity.SslOnConnect),
        }),
        Preset(options.Smtp, options.Kind switch
        {
            OAuthProviderKind.Google => new MailServerPreset("smtp.gmail.com", 465, MailSecurity.SslOnConnect),
            _ => new MailServerPreset("smtp.office365.com", 587, MailSecurity.StartTls),
        }))
    {
        Kind = options.Kind,
    };

    /// <summary>The known endpoints, or null for a generic provider (read from its discovery document).</summary>
    public OAuthEndpoints? KnownEndpoints => options.Kind switch
    {
        OAuthProviderKind.Google => OAuthEndpoints.Google,
        OAuthProviderKind.Microsoft => OAuthEndpoints.Microsoft(options.Tenant),
        _ => null,
    };

    /// <summary>Google hands out a refresh token only when asked for offline access, and again
    /// on a later grant only with the consent screen shown.</summary>
    public IEnumerable<KeyValuePair<string, string>> ExtraAuthorizationParameters => options.Kind == OAuthProviderKind.Google
        ? [new("access_type", "offline"), new("prompt", "consent")]
        : [];

    private static MailServerPreset Preset(MailServerPresetOptions configured, MailServerPreset kinds) =>
        string.IsNullOrWhiteSpace(configured.Host) ? kinds : new(configured.Host, configured.Port ?? kinds.Port, configured.Security);
}
