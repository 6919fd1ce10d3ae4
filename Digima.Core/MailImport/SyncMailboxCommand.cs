using Digima.Core.Awaiting.Notices;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Telemetry;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.MailImport;

public enum MailboxSyncOutcome
{
    Synced,
    NotConnected,

    /// <summary>Another sync of the same mailbox (another trigger or node) is running.</summary>
    Busy,
    Failed,
}

public sealed record MailboxSyncResult(MailboxSyncOutcome Outcome, IReadOnlyList<FolderSyncResult> Folders, string? Error = null)
{
    public int Imported => Folders.Sum(f => f.Imported);
}

/// <summary>Imports new mail exchanged with customers from the folders the rep chose (Inbox and
/// Sent by default; <see cref="MailImportFolders"/>) (R18, R24, R25). Run by the periodic job, the
/// IDLE listener and 「今すぐ同期」 alike; the mailbox lock keeps it to one run per mailbox across
/// nodes. Safe to run again at any time: nothing already imported or deleted is imported again.</summary>
public sealed class SyncMailboxCommand(
    IMailboxConnections mailboxes,
    MailImportFolders chosenFolders,
    IMailImportServer server,
    IImportedMailRepository store,
    IMailPrivacyRepository privacy,
    IMailboxSyncLock locks,
    MailImportOptions options,
    ILiveEvents live,
    NotifyCustomerRepliesCommand replies,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text,
    ILogger<SyncMailboxCommand> logger)
{
    /// <exception cref="OperationCanceledException">Cancelled; what was stored stays stored.</exception>
    public Task<MailboxSyncResult> SyncAsync(long userId, CancellationToken cancellationToken) =>
        RunAsync(userId, null, cancellationToken);

    /// <summary>「完全に再同期」 of one folder: its import window is read again from the start, its
    /// counters start again, and identities already stored are recognised, so nothing is stored twice.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; what was stored stays stored.</exception>
    public Task<MailboxSyncResult> ResyncAsync(long userId, ImportFolder folder, CancellationToken cancellationToken) =>
        RunAsync(userId, folder ?? throw new ArgumentNullException(nameof(folder)), cancellationToken);

    private async Task<MailboxSyncResult> RunAsync(long userId, ImportFolder? resync, CancellationToken cancellationToken)
    {
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.ImportSync);
        span?.SetTag(TelemetryTags.UserId, userId);
        using var scope = logger.Mailbox(userId);
        var result = await SyncLockedAsync(userId, resync, cancellationToken);
        span?.SetTag(TelemetryTags.Outcome, result.Outcome.ToString()).SetTag(TelemetryTags.Imported, result.Imported);
        if (result.Outcome == MailboxSyncOutcome.Failed)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
        }

        return result;
    }

    private async Task<MailboxSyncResult> SyncLockedAsync(long userId, ImportFolder? resync, CancellationToken cancellationToken)
    {
        await using var lease = await locks.TryAcquireAsync(userId, cancellationToken);
        if (lease is null)
        {
            return new MailboxSyncResult(MailboxSyncOutcome.Busy, []);
        }

        var folders = new List<FolderSyncResult>();
        var startedAt = time.GetUtcNow();
        // Quiet until the Inbox's cursor says otherwise (see NotifyCustomerRepliesCommand).
        var firstImport = true;
        try
        {
            var mailbox = await mailboxes.GetAsync(userId, cancellationToken);
            if (mailbox is null)
            {
                return new MailboxSyncResult(MailboxSyncOutcome.NotConnected, []);
            }

            // The folder choice is read while the server logs in (or the kept connection is taken).
            var choosing = resync is null ? chosenFolders.ChosenAsync(userId, cancellationToken) : Task.FromResult<IReadOnlyList<ImportFolder>>([resync]);
            _ = choosing.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            await using var session = await server.ConnectAsync(mailbox, cancellationToken);
            // Disposed before the first connection, so the first is the one kept for the next sync.
            await using var bodies = new BodySession(token => server.ConnectAsync(mailbox, token));
            var neverImport = (await privacy.ListNeverImportAsync(userId, cancellationToken)).Where(e => e.Enabled).Select(e => e.Pattern).ToList();
            var importer = new FolderImporter(store, options, time, neverImport);
            var chosen = await choosing;
            // Every cursor is read while the server answers the EXAMINEs: an unchanged sync waits
            // for no database round trip per folder.
            var cursors = Task.WhenAll(chosen.Select(f => store.GetCursorAsync(userId, f, cancellationToken)));
            // Observed even when a failing EXAMINE ends the sync before the cursors are awaited.
            _ = cursors.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            for (var i = 0; i < chosen.Count; i++)
            {
                if (await session.OpenAsync(chosen[i], cancellationToken) is { } folder)
                {
                    var cursor = (await cursors)[i];
                    firstImport = chosen[i].Kind == MailFolderKind.Inbox ? cursor is null : firstImport;
                    folders.Add(await importer.ImportAsync(mailbox, session, bodies, folder, cursor, cancellationToken, fullResync: resync is not null));
                }
            }
        }
        catch (Exception e) when (e is MailImportException or MailboxTokenUnavailableException || MailboxUnusable.IsRepsToFix(e))
        {
            // The next trigger retries; the error stays visible in the sync status until then. A
            // mailbox marked 「再接続が必要」 fails at once, without a server, until reconnected.
            logger.LogWarning(e, "Mail import for user {UserId} failed: {Error}", userId, e.Message);
            var error = Describe(e);
            await store.RecordFailureAsync(userId, error, time.GetUtcNow(), CancellationToken.None);
            await PublishImportedAsync(userId, folders, CancellationToken.None);
            // Replies stored before the failure (a folder before it, or batches of the folder it cut)
            // are told now: the next sync will not store them again.
            await replies.NotifyAsync(userId, startedAt, firstImport, anyStored: true, CancellationToken.None);
            return new MailboxSyncResult(MailboxSyncOutcome.Failed, folders, error);
        }

        await store.RecordSuccessAsync(userId, time.GetUtcNow(), cancellationToken);
        await PublishImportedAsync(userId, folders, cancellationToken);
        await NoticeColleaguesCustomersAsync(userId, folders, cancellationToken);
        await replies.NotifyAsync(userId, startedAt, firstImport, folders.Any(f => f.Imported > 0), cancellationToken);
        return new MailboxSyncResult(MailboxSyncOutcome.Synced, folders);
    }

    /// <summary>What the sync status shows the rep: the server's failure as the import worded it,
    /// the credential failures in the words sending uses for them (the exceptions' own text is
    /// English, for the log).</summary>
    private string Describe(Exception e) => e switch
    {
        _ when MailboxUnusable.IsRepsToFix(e) => MailboxUnusable.Message(e, text),
        MailboxTokenUnavailableException => text["MailboxTokenUnavailable"],
        _ => e.Message,
    };

    /// <summary>The rep is told of customers a colleague registered lately (<see cref="ColleagueCustomerNotices"/>).</summary>
    private Task NoticeColleaguesCustomersAsync(long userId, IReadOnlyList<FolderSyncResult> folders, CancellationToken cancellationToken) =>
        ColleagueCustomerNotices.NoticeAsync(privacy, live, time, userId, folders.SelectMany(f => f.CustomerIds).Distinct().ToList(), cancellationToken);

    /// <summary>The mailbox list and the customers' profiles show new mail without a reload (R28),
    /// and the mailbox page its 「最終同期」.</summary>
    private async Task PublishImportedAsync(long userId, IReadOnlyList<FolderSyncResult> folders, CancellationToken cancellationToken)
    {
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.ImportPublish);
        await live.PublishAsync(new MailboxSynced(userId), cancellationToken);
        if (folders.Sum(f => f.Imported) > 0)
        {
            await live.PublishAsync(new MailImported(userId, folders.SelectMany(f => f.CustomerIds).Distinct().ToList()), cancellationToken);
        }
    }
}
