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

/// <summary>Imports new mail exchanged with customers from a rep's Inbox and Sent folder (R18,
/// R24, R25). Run by the periodic job, the IDLE listener and 「今すぐ同期」 alike; the mailbox
/// lock keeps it to one run per mailbox across nodes. Safe to run again at any time: nothing
/// already imported or deleted is imported again.</summary>
public sealed class SyncMailboxCommand(
    IMailboxConnections mailboxes,
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
    public async Task<MailboxSyncResult> SyncAsync(long userId, CancellationToken cancellationToken)
    {
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.ImportSync);
        span?.SetTag(TelemetryTags.UserId, userId);
        using var scope = logger.Mailbox(userId);
        var result = await SyncLockedAsync(userId, cancellationToken);
        span?.SetTag(TelemetryTags.Outcome, result.Outcome.ToString()).SetTag(TelemetryTags.Imported, result.Imported);
        if (result.Outcome == MailboxSyncOutcome.Failed)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
        }

        return result;
    }

    private async Task<MailboxSyncResult> SyncLockedAsync(long userId, CancellationToken cancellationToken)
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

            await using var session = await server.ConnectAsync(mailbox, cancellationToken);
            // Disposed before the first connection, so the first is the one kept for the next sync.
            await using var bodies = new BodySession(token => server.ConnectAsync(mailbox, token));
            var neverImport = (await privacy.ListNeverImportAsync(userId, cancellationToken)).Where(e => e.Enabled).Select(e => e.Pattern).ToList();
            var importer = new FolderImporter(store, options, time, neverImport);
            MailFolderKind[] kinds = [MailFolderKind.Inbox, MailFolderKind.Sent];
            // Both cursors are read while the server answers the EXAMINEs: an unchanged sync waits
            // for two database round trips less.
            var cursors = Task.WhenAll(kinds.Select(k => store.GetCursorAsync(userId, k, cancellationToken)));
            // Observed even when a failing EXAMINE ends the sync before the cursors are awaited.
            _ = cursors.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            for (var i = 0; i < kinds.Length; i++)
            {
                if (await session.OpenAsync(kinds[i], cancellationToken) is { } folder)
                {
                    var cursor = (await cursors)[i];
                    firstImport = kinds[i] == MailFolderKind.Inbox ? cursor is null : firstImport;
                    folders.Add(await importer.ImportAsync(mailbox, session, bodies, folder, cursor, cancellationToken));
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
            // The Inbox may have stored replies before the Sent folder failed: told now, as the next
            // sync will not store them again. (An Inbox cut mid-folder reports no customers: its
            // stored replies stay on 「返信待ち」 and in the summary, untold.)
            await NotifyRepliesAsync(userId, folders, startedAt, firstImport, CancellationToken.None);
            return new MailboxSyncResult(MailboxSyncOutcome.Failed, folders, error);
        }

        await store.RecordSuccessAsync(userId, time.GetUtcNow(), cancellationToken);
        await PublishImportedAsync(userId, folders, cancellationToken);
        await NoticeColleaguesCustomersAsync(userId, folders, cancellationToken);
        await NotifyRepliesAsync(userId, folders, startedAt, firstImport, cancellationToken);
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

    /// <summary>Mail imported for a customer a colleague registered lately may be the rep's
    /// private mail (anyone may register any address): the rep is told under the bell, once per
    /// customer, and may make it private from there.</summary>
    private async Task NoticeColleaguesCustomersAsync(long userId, IReadOnlyList<FolderSyncResult> folders, CancellationToken cancellationToken)
    {
        var customers = folders.SelectMany(f => f.CustomerIds).Distinct().ToList();
        if (customers.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var created = await privacy.NoticeColleaguesCustomersAsync(userId, customers, now - MailPrivacyRules.RecentCustomerWindow, now, cancellationToken);
        foreach (var id in created)
        {
            await live.PublishAsync(new NotificationCreated(id, userId), cancellationToken);
        }
    }

    private Task NotifyRepliesAsync(long userId, IReadOnlyList<FolderSyncResult> folders, DateTimeOffset startedAt, bool firstImport, CancellationToken cancellationToken) =>
        replies.NotifyAsync(userId, folders.SelectMany(f => f.CustomerIds).Distinct().ToList(), startedAt, firstImport, cancellationToken);

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
