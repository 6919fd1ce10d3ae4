using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport;

/// <summary>What one folder's sync did.</summary>
public sealed record FolderSyncResult(MailFolderKind Kind, bool Unchanged, int Seen, int Imported, int Skipped)
{
    /// <summary>Customers of the mail stored (for the live event that tells their profiles).</summary>
    public IReadOnlySet<long> CustomerIds { get; init; } = new HashSet<long>();
}

/// <summary>Imports one folder: new UIDs since the cursor (or the first-sync window when the
/// folder is new or its UIDVALIDITY changed), in batches, each stored with its cursor in one
/// transaction so a cut anywhere resumes after the last stored batch.</summary>
internal sealed class FolderImporter(IImportedMailRepository store, MailImportOptions options, TimeProvider time)
{
    public async Task<FolderSyncResult> ImportAsync(
        MailboxConnection mailbox, IMailImportSession session, MailFolderState folder, CancellationToken cancellationToken)
    {
        var cursor = await store.GetCursorAsync(mailbox.UserId, folder.Kind, cancellationToken);
        var rescan = cursor is null || cursor.UidValidity != folder.UidValidity;
        if (!rescan && IsUnchanged(cursor!, folder))
        {
            return new FolderSyncResult(folder.Kind, true, 0, 0, 0);
        }

        // A new UIDVALIDITY means every UID changed: the window is read again and identities
        // (Message-IDs) already stored are recognised, so nothing is imported twice.
        var uids = rescan
            ? await session.SearchSinceAsync(time.GetUtcNow().AddDays(-options.FirstSyncDays), cancellationToken)
            : (await session.SearchAfterAsync(cursor!.LastUid, cancellationToken)).Where(u => u > cursor.LastUid).ToList();
        var position = rescan
            ? new MailImportCursor(folder.Kind, folder.FullName, folder.UidValidity, 0, 0, cursor?.SeenCount ?? 0, cursor?.ImportedCount ?? 0)
            : cursor! with { FolderName = folder.FullName };

        // Two batches in flight: while one is stored, the next is read from the server. Batches
        // are still stored one after the other, in order, each with its cursor; a batch read
        // before the previous one is stored may fetch a body that turns out to be known, and the
        // unique key then leaves it out.
        var result = new FolderSyncResult(folder.Kind, false, 0, 0, 0);
        Task<int>? storing = null;
        MailImportBatch? stored = null;
        foreach (var chunk in uids.Chunk(options.BatchSize))
        {
            MailImportBatch batch;
            try
            {
                batch = await ReadBatchAsync(mailbox, session, folder, chunk, position, cancellationToken);
            }
            catch when (storing is not null)
            {
                // The batch already read is still stored before the failure is reported.
                await StoredQuietlyAsync(storing);
                throw;
            }

            if (storing is not null)
            {
                (position, result) = Advance(position, result, stored!, await storing);
            }

            // Read while the previous batch was still being stored: its cursor follows that one's.
            batch = batch with { Cursor = position with { LastUid = Math.Max(position.LastUid, chunk.Max()), SeenCount = position.SeenCount + chunk.Length } };
            storing = store.StoreBatchAsync(batch, cancellationToken);
            stored = batch;
        }

        if (storing is not null)
        {
            (position, result) = Advance(position, result, stored!, await storing);
        }

        // Nothing new in the window (or the folder is empty): still remember where the folder
        // stands, so the next sync is the cheap unchanged check.
        var end = folder.UidNext is { } next && next > 0 ? next - 1 : position.LastUid;
        if (uids.Count == 0 || end > position.LastUid || folder.HighestModSeq != position.HighestModSeq)
        {
            var final = position with { LastUid = Math.Max(end, position.LastUid), HighestModSeq = folder.HighestModSeq };
            await store.StoreBatchAsync(new MailImportBatch(mailbox.UserId, final, 0, [], [], time.GetUtcNow()), cancellationToken);
        }

        return result;
    }

    private static (MailImportCursor Position, FolderSyncResult Result) Advance(
        MailImportCursor position, FolderSyncResult result, MailImportBatch batch, int imported) =>
        (batch.Cursor with { ImportedCount = position.ImportedCount + imported },
         result with
         {
             Seen = result.Seen + batch.Seen,
             Imported = result.Imported + imported,
             Skipped = result.Skipped + batch.Skipped.Count,
             CustomerIds = imported == 0 ? result.CustomerIds : result.CustomerIds.Union(batch.Mails.SelectMany(m => m.Customers).Select(c => c.CustomerId)).ToHashSet(),
         });

    private static async Task StoredQuietlyAsync(Task<int> storing)
    {
        try
        {
            await storing;
        }
        catch (Exception)
        {
            // The read's failure is the one reported; this batch is retried by the next sync.
        }
    }

    /// <summary>No message arrived since the cursor: the UIDNEXT that EXAMINE returns says so
    /// without another command. HIGHESTMODSEQ (CONDSTORE) is kept in the cursor but does not
    /// decide: it also moves on flag changes, and the app keeps no flags.</summary>
    private static bool IsUnchanged(MailImportCursor cursor, MailFolderState folder) =>
        folder.UidNext is { } next && next <= cursor.LastUid + 1;

    private async Task<MailImportBatch> ReadBatchAsync(
        MailboxConnection mailbox, IMailImportSession session, MailFolderState folder, uint[] chunk, MailImportCursor position, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var summaries = await session.FetchSummariesAsync(chunk, cancellationToken);
        var emails = summaries.SelectMany(s => s.Addresses).Distinct().ToList();
        var customers = emails.Count == 0
            ? new Dictionary<string, long>()
            : await store.MatchCustomersAsync(emails, cancellationToken);
        var identities = summaries.Select(MailIdentity.Of).Distinct().ToList();
        var known = await store.FindKnownAsync(mailbox.UserId, identities, cancellationToken);
        var candidates = ImportPlan.Choose(summaries, folder.Kind, OwnAddresses(mailbox), customers, known);

        var mails = new List<ImportedMail>();
        var skipped = new List<SkippedMail>();
        if (candidates.Count > 0)
        {
            var bodies = await session.FetchBodiesAsync(candidates.Select(c => c.Summary.Uid).ToList(), cancellationToken);
            var read = bodies.Read.ToDictionary(b => b.Uid);
            var unreadable = bodies.Unreadable.ToDictionary(u => u.Uid);
            foreach (var candidate in candidates)
            {
                if (read.TryGetValue(candidate.Summary.Uid, out var content))
                {
                    mails.Add(ImportPlan.ToMail(candidate, content, mailbox.UserId, folder.Kind, folder.UidValidity, now));
                }
                else if (unreadable.TryGetValue(candidate.Summary.Uid, out var bad))
                {
                    skipped.Add(new SkippedMail(folder.Kind, folder.UidValidity, bad.Uid, candidate.Summary.MessageId, bad.Reason, now));
                }
            }
        }

        var cursor = position with
        {
            LastUid = Math.Max(position.LastUid, chunk.Max()),
            SeenCount = position.SeenCount + chunk.Length,
        };
        return new MailImportBatch(mailbox.UserId, cursor, chunk.Length, mails, skipped, now);
    }

    private static HashSet<string> OwnAddresses(MailboxConnection mailbox) =>
        new[] { mailbox.SenderAddress, mailbox.Imap.UserName, mailbox.Smtp.UserName }
            .Where(a => a.Contains('@', StringComparison.Ordinal))
            .Select(a => a.ToLowerInvariant())
            .ToHashSet();
}
