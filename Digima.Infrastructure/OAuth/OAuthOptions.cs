using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;
using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.OAuth;

/// <summary><c>Digima:OAuth</c>: the providers mailboxes may be connected with (R1, R2), each
/// under <c>Digima:OAuth:Providers:&lt;name&gt;</c>. The client secrets belong in the environment or
/// a secret store, like the database password, never in appsettings.json.</summary>
public sealed class OAuthOptions : IValidatableObject
{
    public const string Section = "Digima:OAuth";

    public Dictionary<string, OAuthProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An access token is refreshed this long before it expires (at most half its
    /// lifetime), so a session opened with it is not refused mid-send.</summary>
    [TimeSpanRange("00:00:00")]
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One call to a token or discovery endpoint gives up after this (then "try later").</summary>
    [TimeSpanRange("00:00:01")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The redirect URI registered at every provider, when the app is reached through a
    /// proxy or another address than its requests show; unset, it is this app's own
    /// <c>/mailboxes/oauth/callback</c> at the address of the request that starts the flow.</summary>
    public Uri? RedirectUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The section validator checks this object's own members; each provider is checked here,
        // its keys named in full (Providers:google:ClientId).
        foreach (var (name, provider) in Providers)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(provider, new ValidationContext(provider), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult(result.ErrorMessage, result.MemberNames.Select(m => $"{nameof(Providers)}:{name}:{m}").ToList());
            }
        }
    }
}

/// <summary>One provider: the app registered with it, and the servers its mailboxes use.</summary>
public sealed class OAuthProviderOptions : IValidatableObject
{
    public OAuthProviderKind Kind { get; set; } = OAuthProviderKind.Generic;

    /// <summary>Shown on the button (「Google で接続」); the kind's name when empty.</summary>
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "must be set.")]
    public string ClientId { get; set; } = "";

    /// <summary>Empty for a public client (PKCE alone).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Microsoft only: the directory (tenant) id or domain; <c>organizations</c> lets any work account in.</summary>
    public string Tenant { get; set; } = "organizations";

    /// <summary>Generic only: the issuer whose <c>/.well-known/openid-configuration</c> names the endpoints.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>The scopes asked for; the kind's when empty (Google <c>https://mail.google.com/</c>,
    /// Microsoft IMAP.AccessAsUser.All, SMTP.Send and offline_access).</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>The kind's IMAP server when empty (required for Generic).</summary>
    public MailServerPresetOptions Imap { get; set; } = new();

    /// <summary>The kind's SMTP server when empty (required for Generic).</summary>
    public MailServerPresetOptions Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == OAuthProviderKind.Generic)
        {
            if (Issuer is not { IsAbsoluteUri: true })
            {
                yield return new ValidationResult("must be an absolute URL for a Generic provider.", [nameof(Issuer)]);
            }

            if (Scopes.Length == 0)
            {
                yield return new ValidationResult("must name at least one scope for a Generic provider.", [nameof(Scopes)]);
            }

            foreach (var (name, server) in new[] { (nameof(Imap), Imap), (nameof(Smtp), Smtp) })
            {
                if (string.IsNullOrWhiteSpace(server.Host) || server.Port is null)
                {
                    yield return new ValidationResult("must give Host and Port for a Generic provider.", [name]);
                }
            }
        }

        if (Kind == OAuthProviderKind.Microsoft && string.IsNullOrWhiteSpace(Tenant))
        {
            yield return new ValidationResult("must be set for a Microsoft provider.", [nameof(Tenant)]);
        }
    }
}

/// <summary>A provider's IMAP or SMTP server; empty members take the kind's.</summary>
public sealed class MailServerPresetOptions
{
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "must be between {1} and {2}.")]
    public int? Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;
}
