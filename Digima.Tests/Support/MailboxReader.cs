using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Digima.Tests.Support;

/// <summary>Reads a mailbox on the local Dovecot over IMAP, as the customer's (or the rep's) own
/// mail client would.</summary>
public static class MailboxReader
{
    /// <summary>Waits until a message with this Message-ID is in the folder (delivery through
    /// Postfix takes a moment) and returns every copy found.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, string messageId, string folder = "INBOX", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = await FindAsync(address, messageId, folder);
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(250);
        }
    }

    public static async Task<IReadOnlyList<MimeMessage>> FindAsync(string address, string messageId, string folder = "INBOX")
    {
        using var client = new ImapClient();
        await client.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, TestEnvironment.MailPassword);
        var mailFolder = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder);
        await mailFolder.OpenAsync(FolderAccess.ReadOnly);
        var uids = await mailFolder.SearchAsync(SearchQuery.HeaderContains("Message-ID", messageId));
        var messages = new List<MimeMessage>();
        foreach (var uid in uids)
        {
            messages.Add(await mailFolder.GetMessageAsync(uid));
        }

        await client.DisconnectAsync(true);
        return messages;
    }
}
