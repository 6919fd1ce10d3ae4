using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>Mailbox settings for the test Dovecot and Postfix, where any address logs in with
/// <see cref="Password"/>.</summary>
internal static class LocalMail
{
    public const string Password = "digima-demo";

    public static MailboxInput Input(string email, string password = Password) => new()
    {
        Smtp = Server(TestEnvironment.SmtpPort, email, password),
        Imap = Server(TestEnvironment.ImapPort, email, password),
        SenderName = "佐藤 健太",
        SenderAddress = email,
    };

    public static MailServerInput Server(int port, string email, string password = Password) => new()
    {
        Host = TestEnvironment.MailHost,
        Port = port,
        Security = MailSecurity.None,
        UserName = email,
        Password = password,
    };

    public static MailServerLogin Login(int port, string email, string password = Password) =>
        new(TestEnvironment.MailHost, port, MailSecurity.None, email, password);
}
