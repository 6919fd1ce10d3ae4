using Digima.Core.LiveUpdates;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.MailImport.Backfill;

public enum MailBackfillOutcome
{
    Done,

    /// <summary>The mailbox was syncing: the requests went back to the queue for a little later.</summary>
    Busy,
    Failed,
}

/// <summary>Runs a mailbox's claimed backfill requests: for each, the server searches every
/// imported folder (SINCE the window, and the customer's address in From/To/Cc/Bcc), and only the
/// messages found are read, and only the bodies of customer mail not imported yet. Holds the
/// mailbox's sync lock, so it never runs beside that mailbox's sync. The never-import list
/// applies as in the sync, and the rep is told of a colleague's new customer whose mail it found
/// (to make it 「非公開」); stored mail sets the customers' contact fields and reaches their
/// timelines as imported mail always does. Safe to run again: nothing is stored twice.</summary>
public sealed class RunMailBackfillCommand(
    IMailboxConnections mailboxes,
    IMailImportServer server,
    IImportedMailRepository store,
    IMailPrivacyRepository privacy,
    IMailboxSyncLock locks,
    IMailBackfillRepository backfills,
    MailImportFolders importedFolders,
    MailImportOptions options,
    ILiveEvents live,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text,
    ILogger<RunMailBackfillCommand> logger)
{
    /// <param name="requests">Requests of one mailbox, claimed by this node (<see cref="IMailBackfillRepository.ClaimAsync"/>).</param>
    /// <exception cref="OperationCanceledException">Cancelled; the requests not finished are taken again once their lease ends.</exception>
    public async Task<MailBackfillOutcome> RunAsync(IReadOnlyList<MailBackfillRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return MailBackfillOutcome.Done;
        }

        var userId = requests[0].UserId;
        await using var lease = await locks.TryAcquireAsync(userId, cancellationToken);
        if (lease is null)
        {
            await backfills.PostponeAsync(requests.Select(r => r.Id).ToList(), options.BackfillBusyDelay, cancellationToken);
            return MailBackfillOutcome.Busy;
        }

        var open = requests.ToList();
        try
        {
            var mailbox = await mailboxes.GetAsync(userId, cancellationToken);
            if (mailbox is null)
            {
                // Removed since it was asked: nothing to search.
                await FinishAllAsync(open, null, cancellationToken);
                return MailBackfillOutcome.Done;
            }

            var neverImport = (await privacy.ListNeverImportAsync(userId, cancellationToken)).Where(e => e.Enabled).Select(e => e.Pattern).ToList();
            // The folders the rep chose for import: the backfill searches what the sync reads.
            var folders = await importedFolders.ChosenAsync(userId, cancellationToken);
            await using var session = await server.ConnectAsync(mailbox, cancellationToken);
            while (open.Count > 0)
            {
                var request = open[0];
                var (imported, customers) = await RunOneAsync(mailbox, session, folders, neverImport, request, cancellationToken);
                await backfills.FinishAsync(request.Id, imported, null, cancellationToken);
                open.RemoveAt(0);
                await PublishAsync(request, imported, customers, cancellationToken);
                await ColleagueCustomerNotices.NoticeAsync(privacy, live, time, userId, customers.ToList(), cancellationToken);
                if (open.Count > 0)
                {
                    await backfills.RenewAsync(open.Select(r => r.Id).ToList(), options.BackfillLease, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is MailImportException or MailboxTokenUnavailableException || MailboxUnusable.IsRepsToFix(e))
        {
            // Not retried: the profile says the search of this mailbox ended, the mailbox's sync
            // status shows what is wrong with it, and the mail comes with the next backfill asked.
            logger.LogWarning(e, "Mail backfill of user {UserId} failed: {Error}", userId, e.Message);
            await FinishAllAsync(open, Describe(e), CancellationToken.None);
            return MailBackfillOutcome.Failed;
        }

        return MailBackfillOutcome.Done;
    }

    private async Task<(int Imported, IReadOnlySet<long> Customers)> RunOneAsync(
        MailboxConnection mailbox, IMailImportSession session, IReadOnlyList<ImportFolder> folders, IReadOnlyCollection<string> neverImport,
        MailBackfillRequest request, CancellationToken cancellationToken)
    {
        var since = request.Since ?? time.GetUtcNow().AddDays(-options.BackfillDays);
        var imported = 0;
        var customers = new HashSet<long>();
        foreach (var chosen in folders)
        {
            if (await session.OpenAsync(chosen, cancellationToken) is not { } folder)
            {
                continue;
            }

            var uids = await session.SearchExchangedWithAsync(request.Address, since, cancellationToken);
            var reader = new ChunkReader(store, time, neverImport, mailbox, folder);
            var (stored, with) = await BackfillFolder.ImportAsync(reader, store, session, folder, uids, options.BatchSize, cancellationToken);
            imported += stored;
            customers.UnionWith(with);
        }

        return (imported, customers);
    }

    private async Task FinishAllAsync(IEnumerable<MailBackfillRequest> requests, string? error, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            await backfills.FinishAsync(request.Id, 0, error, cancellationToken);
            await PublishAsync(request, 0, new HashSet<long>(), cancellationToken);
        }
    }

    /// <summary>The profiles show the progress, and the timelines the mail, without a reload.</summary>
    private async Task PublishAsync(MailBackfillRequest request, int imported, IReadOnlySet<long> customers, CancellationToken cancellationToken)
    {
        List<LiveEvent> events = [new MailBackfillChanged(request.UserId, request.CustomerId)];
        if (imported > 0)
        {
            events.Add(new MailImported(request.UserId, customers.ToList()));
        }

        await live.PublishAsync(events, cancellationToken);
    }

    /// <summary>In the words the sync status uses for the same failures.</summary>
    private string Describe(Exception e) => e switch
    {
        _ when MailboxUnusable.IsRepsToFix(e) => MailboxUnusable.Message(e, text),
        MailboxTokenUnavailableException => text["MailboxTokenUnavailable"],
        _ => e.Message,
    };
}
