using System.Diagnostics;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Infrastructure.MailConnections;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Sending;
/// <summary>The Sent folder side of the transport: the copies of sent mail, appended together or
/// looked for first, and the server's own copy looked for while a mailbox's filing is unknown.</summary>
internal sealed partial class MailKitTransport
{
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(250);

    public async Task<TransportResult> SaveToSentAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> mails, bool mayBeThere, CancellationToken cancellationToken)
    {
        if (!mayBeThere && mails.Count > 1)
        {
            if (await TryAppendAllAsync(mailbox, mails, cancellationToken) is { } appended)
            {
                return appended;
            }

            // A kept session broke mid-command: some of the copies may be stored.
            mayBeThere = true;
        }

        foreach (var mail in mails)
        {
            var saved = await SaveOneAsync(mailbox, mail, mayBeThere, cancellationToken);
            if (!saved.Succeeded)
            {
                return saved;
            }
        }

        return TransportResult.Ok;
    }

    /// <summary>Copies that cannot be there yet in one command: MailKit sends one MULTIAPPEND when
    /// the server has it (Dovecot does), one transaction in the folder instead of one per mail.</summary>
    /// <returns>Null when a kept session broke mid-command (the copies are then looked for one by one).</returns>
    private async Task<TransportResult?> TryAppendAllAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken)
    {
        try
        {
            using var lease = await imap.LeaseAsync(mailbox.Imap, cancellationToken);
            try
            {
                var sent = await MailKitConnect.SentFolderAsync(lease.Client, mailbox.SentFolderName, cancellationToken);
                if (sent is null)
                {
                    lease.Keep();
                    return new TransportResult(false, errors.NoSentFolder());
                }

                var spools = new List<AttachmentSpool>(mails.Count);
                try
                {
                    var requests = new List<IAppendRequest>(mails.Count);
                    foreach (var mail in mails)
                    {
                        spools.Add(await AttachmentSpool.OpenAsync(attachments, mail.Id, cancellationToken));
                        requests.Add(new AppendRequest(MailMessageFactory.Create(mailbox, mail, SentDate(mail), attachments: spools[^1].Files), MessageFlags.Seen));
                    }

                    await sent.AppendAsync(requests, cancellationToken);
                }
                finally
                {
                    foreach (var spool in spools)
                    {
                        await spool.DisposeAsync();
                    }
                }

                lease.Keep();
                return TransportResult.Ok;
            }
            catch (Exception e) when (lease.Reused && e is IOException or ServiceNotConnectedException or ProtocolException)
            {
                logger.LogDebug(e, "A kept IMAP session to {Host} broke while saving {Count} copies", mailbox.Imap.Host, mails.Count);
                return null;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return errors.Describe(e, mailbox.Imap);
        }
    }

    private async Task<TransportResult> SaveOneAsync(MailboxConnection mailbox, OutgoingMail mail, bool mayBeThere, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var lease = await imap.LeaseAsync(mailbox.Imap, cancellationToken);
                try
                {
                    var saved = await SaveAsync(lease.Client, mailbox, mail, mayBeThere, cancellationToken);
                    lease.Keep();
                    return saved ? TransportResult.Ok : new TransportResult(false, errors.NoSentFolder());
                }
                catch (Exception e) when (lease.Reused && e is IOException or ServiceNotConnectedException or ProtocolException)
                {
                    // A kept session broke mid-command: the copy may or may not be stored, so a
                    // fresh connection looks before it appends.
                    logger.LogDebug(e, "A kept IMAP session to {Host} broke; saving {MessageId} on a new one", mailbox.Imap.Host, mail.MessageId);
                    mayBeThere = true;
                }
            }
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
            using var lease = await imap.LeaseAsync(mailbox.Imap, cancellationToken);
            var sent = await MailKitConnect.SentFolderAsync(lease.Client, mailbox.SentFolderName, cancellationToken);
            var found = sent is not null && await ContainsAsync(sent, messageId, cancellationToken);
            lease.Keep();
            return found;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not look for {MessageId} in the Sent folder", messageId);
            return null;
        }
    }

    public async Task<bool?> FindServerCopyAsync(MailboxConnection mailbox, string messageId, CancellationToken cancellationToken)
    {
        // Wall-clock time on purpose, like a network timeout: this waits for the server's own
        // delivery, which the app's clock (a test's fake one included) does not govern.
        var wait = Stopwatch.StartNew();
        try
        {
            using var lease = await imap.LeaseAsync(mailbox.Imap, cancellationToken);
            var sent = await MailKitConnect.SentFolderAsync(lease.Client, mailbox.SentFolderName, cancellationToken);
            if (sent is null)
            {
                lease.Keep();
                return null;
            }

            while (true)
            {
                if (await ContainsAsync(sent, messageId, cancellationToken))
                {
                    lease.Keep();
                    return true;
                }

                var left = options.Value.ServerCopyWait - wait.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    lease.Keep();
                    return false;
                }

                await Task.Delay(left < LookAgainAfter ? left : LookAgainAfter, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not look for the server's own copy of {MessageId} in the Sent folder", messageId);
            return null;
        }
    }

    /// <returns>False when the mailbox has no Sent folder.</returns>
    private async Task<bool> SaveAsync(ImapClient client, MailboxConnection mailbox, OutgoingMail mail, bool mayBeThere, CancellationToken cancellationToken)
    {
        var sent = await MailKitConnect.SentFolderAsync(client, mailbox.SentFolderName, cancellationToken);
        if (sent is null)
        {
            return false;
        }

        // Exactly once: after a crash or a broken session a copy may be there already. A mail sent
        // just now has never had one, so the search (a SELECT and a header scan) is skipped. The copy
        // carries no tracking: the rep reading their own Sent folder must not count as an open.
        if (!mayBeThere || !await ContainsAsync(sent, mail.MessageId, cancellationToken))
        {
            await using var files = await AttachmentSpool.OpenAsync(attachments, mail.Id, cancellationToken);
            await sent.AppendAsync(new AppendRequest(MailMessageFactory.Create(mailbox, mail, SentDate(mail), attachments: files.Files), MessageFlags.Seen), cancellationToken);
        }

        return true;
    }

    private static async Task<bool> ContainsAsync(IMailFolder sent, string messageId, CancellationToken cancellationToken)
    {
        // Opened each time, so mail appended by other sessions since the last look is seen.
        await sent.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        // Our own header too: a server behind a relay that rewrites Message-ID files its copy under another id.
        var query = SearchQuery.HeaderContains("Message-ID", messageId).Or(SearchQuery.HeaderContains(MessageIds.OurHeader, messageId));
        var found = await sent.SearchAsync(query, cancellationToken);
        return found.Count > 0;
    }
}
