using Digima.Core.Mailboxes;
using Digima.Core.Telemetry;

namespace Digima.Core.MailImport;

/// <summary>What one folder's sync did.</summary>
public sealed record FolderSyncResult(MailFolderKind Kind, bool Unchanged, int Seen, int Imported, int Skipped)
{
    /// <summary>The folder's name on the server.</summary>
    public string FolderName { get; init; } = "";

    /// <summary>Messages looked at with no customer in them.</summary>
    public int NoCustomer { get; init; }

    /// <summary>Messages with a customer that were already in the app (nothing stored twice).</summary>
    public int Known { get; init; }

    /// <summary>Customers of the mail stored (for the live event that tells their profiles).</summary>
    public IReadOnlySet<long> CustomerIds { get; init; } = new HashSet<long>();
}

/// <summary>Imports one folder: new UIDs since the cursor (or the first-sync window when the
/// folder is new or its UIDVALIDITY changed; <see cref="FolderReadPlan"/>), in batches read on one
/// connection or two (<see cref="OneConnectionRead"/>, <see cref="TwoConnectionRead"/>), each
/// stored with its cursor in one transaction so a cut anywhere resumes after the last stored batch.</summary>
/// <param name="neverImport">The rep's never-import list (enabled addresses and domains).</param>
internal sealed class FolderImporter(IImportedMailRepository store, MailImportOptions options, TimeProvider time, IReadOnlyCollection<string> neverImport)
{
    /// <param name="bodySession">A second connection for bodies when there is more than one batch; null to use one.</param>
    /// <param name="cursor">The folder's stored cursor (<see cref="IImportedMailRepository.GetCursorAsync"/>).</param>
    /// <param name="fullResync">「完全に再同期」 (<see cref="FolderReadPlan.MakeAsync"/>).</param>
    public async Task<FolderSyncResult> ImportAsync(
        MailboxConnection mailbox, IMailImportSession session, BodySession? bodySession, MailFolderState folder, MailImportCursor? cursor,
        CancellationToken cancellationToken, bool fullResync = false)
    {
        // The fetch from the IMAP server (MailKit's spans nest under it) and the batches stored.
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.ImportFolder);
        span?.SetTag(TelemetryTags.Folder, folder.Kind.ToString());
        if (await FolderReadPlan.MakeAsync(session, folder, cursor, options, time, cancellationToken, fullResync) is not { } plan)
        {
            // Nothing arrived, but mail may have been deleted or moved away: the total stays true.
            if (cursor!.ServerCount != folder.Count)
            {
                var counted = cursor with { FolderName = folder.FullName, Key = folder.Key, ServerCount = folder.Count };
                await store.StoreBatchAsync(new MailImportBatch(mailbox.UserId, counted, 0, [], [], time.GetUtcNow()), cancellationToken);
            }

            return new FolderSyncResult(folder.Kind, true, 0, 0, 0) { FolderName = folder.FullName };
        }

        var reader = new ChunkReader(store, time, neverImport, mailbox, folder);
        var batches = new OrderedBatchStore(store, plan.Position, new FolderSyncResult(folder.Kind, false, 0, 0, 0) { FolderName = folder.FullName });
        var second = plan.Chunks.Count > 1 && bodySession is not null ? await bodySession.OpenAsync(folder, cancellationToken) : null;
        try
        {
            await (second is null
                ? OneConnectionRead.ReadAsync(reader, session, plan.Chunks, batches, cancellationToken)
                : TwoConnectionRead.ReadAsync(reader, session, second, plan.Chunks, batches, cancellationToken));
        }
        catch
        {
            await batches.FlushQuietlyAsync();
            throw;
        }

        await batches.FlushAsync();
        var position = batches.Position;
        var result = batches.Result;
        span?.SetTag(TelemetryTags.Imported, result.Imported);

        // Nothing new in the window (or the folder is empty): still remember where the folder
        // stands, so the next sync is the cheap unchanged check.
        var end = folder.UidNext is { } next && next > 0 ? next - 1 : position.LastUid;
        if (plan.Uids.Count == 0 || end > position.LastUid || folder.HighestModSeq != position.HighestModSeq)
        {
            var final = position with { LastUid = Math.Max(end, position.LastUid), HighestModSeq = folder.HighestModSeq };
            await store.StoreBatchAsync(new MailImportBatch(mailbox.UserId, final, 0, [], [], time.GetUtcNow()), cancellationToken);
        }

        return result;
    }
}
