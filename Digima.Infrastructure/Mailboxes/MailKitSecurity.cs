using Digima.Core.Mailboxes;
using MailKit.Security;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>The one mapping from a saved security mode to MailKit's, for every SMTP and IMAP
/// connection (probe, send, import), so a test proves what sending will do.</summary>
internal static class MailKitSecurity
{
    /// <exception cref="ArgumentOutOfRangeException">Not one of the three modes.</exception>
    public static SecureSocketOptions ToSocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        // Never "Auto" or "StartTlsWhenAvailable": the rep chose, and None is loopback-only.
        MailSecurity.None => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown security."),
    };
}
