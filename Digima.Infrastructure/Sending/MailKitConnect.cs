using Digima.Core.Mailboxes;
using Digima.Infrastructure.Mailboxes;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Digima.Infrastructure.Sending;

/// <summary>Opens authenticated MailKit clients for a rep's mailbox. A client is never shared
/// between threads: each call gets its own.</summary>
internal static class MailKitConnect
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<SmtpClient> SmtpAsync(MailServerLogin login, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(login.Host, login.Port, Options(login.Security), cancellationToken);
            if (client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await client.AuthenticateAsync(login.UserName, login.Password, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static async Task<ImapClient> ImapAsync(MailServerLogin login, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(login.Host, login.Port, Options(login.Security), cancellationToken);
            await client.AuthenticateAsync(login.UserName, login.Password, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The Sent folder: the saved name, else what the connection test would find
    /// (SPECIAL-USE \Sent, else common names).</summary>
    public static async Task<IMailFolder?> SentFolderAsync(ImapClient client, string? savedName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(savedName))
        {
            try
            {
                return await client.GetFolderAsync(savedName, cancellationToken);
            }
            catch (FolderNotFoundException)
            {
                // Renamed on the server since it was saved: look for it again below.
            }
        }

        return await SentFolderFinder.FindAsync(client, cancellationToken);
    }

    private static SecureSocketOptions Options(MailSecurity security) => MailKitSecurity.ToSocketOptions(security);
}
