using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.Seeding;

/// <summary><c>Digima:DemoMail</c>: the local development mail servers (passed by
/// <c>./digima up</c>). When set, the demo users get a connected mailbox on them.</summary>
public sealed class DemoMailOptions
{
    public const string Section = "Digima:DemoMail";

    public string? Host { get; set; }
    public int ImapPort { get; set; }
    public int SmtpPort { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    // The demo logins use no TLS, which is only acceptable on this machine.
    internal static bool IsValid(DemoMailOptions o) =>
        !o.IsConfigured || (MailHosts.IsLoopback(o.Host) && o.ImapPort is >= 1 and <= 65535 && o.SmtpPort is >= 1 and <= 65535);
}
