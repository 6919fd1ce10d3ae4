using System.ComponentModel.DataAnnotations;
using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.Seeding;

/// <summary><c>Digima:DemoMail</c>: the local development mail servers (passed by
/// <c>./digima up</c>). When set, the demo users get a connected mailbox on them: with the demo
/// password, or through <see cref="OAuthProvider"/> for <see cref="OAuthUsers"/>, so both kinds of
/// mailbox are always in use.</summary>
public sealed class DemoMailOptions : IValidatableObject
{
    public const string Section = "Digima:DemoMail";

    public string? Host { get; set; }
    public int ImapPort { get; set; }
    public int SmtpPort { get; set; }

    /// <summary>A configured OAuth provider (<c>Digima:OAuth:Providers:&lt;name&gt;</c>) that is the
    /// development OAuth server; unset, every demo mailbox uses the password.</summary>
    public string? OAuthProvider { get; set; }

    /// <summary>The demo users connected through <see cref="OAuthProvider"/>.</summary>
    public List<string> OAuthUsers { get; set; } = ["suzuki@digima.test"];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public bool ConnectsWithOAuth => IsConfigured && !string.IsNullOrWhiteSpace(OAuthProvider) && OAuthUsers.Count > 0;

    /// <summary>Nothing at all, or a loopback host with both ports.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        // The demo logins use no TLS, which is only acceptable on this machine.
        if (!MailHosts.IsLoopback(Host))
        {
            yield return new ValidationResult("must be a loopback address (the demo logins use no TLS).", [nameof(Host)]);
        }

        if (ImapPort is < 1 or > 65535)
        {
            yield return new ValidationResult("must be between 1 and 65535.", [nameof(ImapPort)]);
        }

        if (SmtpPort is < 1 or > 65535)
        {
            yield return new ValidationResult("must be between 1 and 65535.", [nameof(SmtpPort)]);
        }
    }
}
