using Digima.Core.Common;
using Digima.Core.Mailboxes;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Digima.Tests.Support;

/// <summary>Connects a user's mailbox to the local Postfix and Dovecot through the real
/// 「メールボックス連携」 use case (test setup), and puts mail into it as a mail client would.</summary>
public static class TestMailboxes
{
    public static async Task ConnectAsync(
        IServiceProvider services, CurrentUser user, int? smtpPort = null, string password = TestEnvironment.MailPassword, int? imapPort = null)
    {
        using var scope = services.CreateScope();
        var input = new MailboxInput
        {
            Smtp = new MailServerInput { Host = TestEnvironment.MailHost, Port = smtpPort ?? TestEnvironment.SmtpPort, Security = MailSecurity.None, UserName = user.Email, Password = password },
            Imap = new MailServerInput { Host = TestEnvironment.MailHost, Port = imapPort ?? TestEnvironment.ImapPort, Security = MailSecurity.None, UserName = user.Email, Password = password },
            SenderName = user.DisplayName,
            SenderAddress = user.Email,
            SaveCopyToSent = true,
            SentFolderName = "Sent",
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<SaveMailboxSettingsCommand>().SaveAsync(user, input, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Mailbox setup failed: " + string.Join("; ", outcome.Errors));
        }
    }

    /// <summary>Appends <paramref name="message"/> to one of the user's folders, marked seen, as
    /// their own mail client would file it.</summary>
    public static async Task AppendAsync(string address, MimeMessage message, string folder)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, TestEnvironment.MailPassword);
        var target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder);
        await target.AppendAsync(new AppendRequest(message, MessageFlags.Seen));
        await client.DisconnectAsync(true);
    }

    /// <summary>An HTML mail with a text part (「テキスト版」), dated now, with a fresh Message-ID.</summary>
    public static MimeMessage HtmlMessage(string from, string to, string subject, string html)
    {
        var message = new MimeMessage { Subject = subject, Date = DateTimeOffset.Now, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = "テキスト版" }.ToMessageBody();
        return message;
    }
}
