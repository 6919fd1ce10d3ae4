using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Support;

/// <summary>Connects a user's mailbox to the local Postfix and Dovecot through the real
/// 「メールボックス連携」 use case (test setup).</summary>
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
}
