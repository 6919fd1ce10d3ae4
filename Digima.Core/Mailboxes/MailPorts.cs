namespace Digima.Core.Mailboxes;

/// <summary>The usual ports of each security mode, offered when the rep changes the security of a
/// server whose port is still one of these (a port the rep typed is never replaced).</summary>
public static class MailPorts
{
    public const int SmtpSubmissionTls = 465;
    public const int SmtpSubmission = 587;
    public const int Smtp = 25;
    public const int ImapTls = 993;
    public const int Imap = 143;

    private static readonly int[] SmtpPorts = [SmtpSubmissionTls, SmtpSubmission, Smtp];
    private static readonly int[] ImapPorts = [ImapTls, Imap];

    public static int ForSmtp(MailSecurity security, int currentPort) =>
        !SmtpPorts.Contains(currentPort) ? currentPort : security switch
        {
            MailSecurity.SslOnConnect => SmtpSubmissionTls,
            MailSecurity.StartTls => SmtpSubmission,
            // Local development relays listen on 25 or a port of their own; keep a submission port.
            _ => currentPort,
        };

    public static int ForImap(MailSecurity security, int currentPort) =>
        !ImapPorts.Contains(currentPort) ? currentPort : security == MailSecurity.SslOnConnect ? ImapTls : Imap;
}
