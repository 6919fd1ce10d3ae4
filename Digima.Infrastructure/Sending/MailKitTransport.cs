using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Infrastructure.Tracking;
using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Sending;

/// <summary>Sends through the rep's own SMTP server and keeps one copy in their Sent folder (R2).</summary>
internal sealed class MailKitTransport(TransportErrors errors, TrackedHtml tracking, ILogger<MailKitTransport> logger) : IOutgoingMailTransport
{
    public async Task<TransportResult> SendAsync(MailboxConnection mailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            var message = MailMessageFactory.Create(mailbox, mail, await tracking.ForAsync(mail, cancellationToken));
            using var client = await MailKitConnect.SmtpAsync(mailbox.Smtp, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return TransportResult.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return errors.Describe(e, mailbox.Smtp);
        }
    }

    public async Task<TransportResult> SaveToSentAsync(MailboxConnection mailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await MailKitConnect.ImapAsync(mailbox.Imap, cancellationToken);
            var sent = await MailKitConnect.SentFolderAsync(client, mailbox.SentFolderName, cancellationToken);
            if (sent is null)
            {
                return new TransportResult(false, errors.NoSentFolder());
            }

            await sent.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            // Exactly once: a retry after a crash must not add a second copy. The copy carries no
            // tracking: the rep reading their own Sent folder must not count as the customer's open.
            var existing = await sent.SearchAsync(SearchQuery.HeaderContains("Message-ID", mail.MessageId), cancellationToken);
            if (existing.Count == 0)
            {
                await sent.AppendAsync(new AppendRequest(MailMessageFactory.Create(mailbox, mail), MessageFlags.Seen), cancellationToken);
            }

            await client.DisconnectAsync(true, cancellationToken);
            return TransportResult.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return errors.Describe(e, mailbox.Imap);
        }
    }

    public async Task<bool?> ExistsInSentAsync(MailboxConnection mailbox, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await MailKitConnect.ImapAsync(mailbox.Imap, cancellationToken);
            var sent = await MailKitConnect.SentFolderAsync(client, mailbox.SentFolderName, cancellationToken);
            if (sent is null)
            {
                return false;
            }

            await sent.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            var found = await sent.SearchAsync(SearchQuery.HeaderContains("Message-ID", messageId), cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return found.Count > 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not look for {MessageId} in the Sent folder", messageId);
            return null;
        }
    }
}
