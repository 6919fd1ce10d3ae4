using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport;

/// <summary>What one folder's sync did.</summary>
public sealed record FolderSyncResult(MailFolderKind Kind, bool Unchanged, int Seen, int Imported, int Skipped);

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

        // Three kinds of work overlap, each on its own resource: the connection reads the next
        // chunk's summaries while the database looks up this chunk's customers and identities,
        // then reads this chunk's bodies (parsed in parallel as they arrive) while the database
        // looks up the next chunk and stores the previous batch. Batches are still stored one
        // after the other, in UID order, each with its cursor, so a cut anywhere resumes after
        // the last stored batch. A chunk looked up before the previous batch is stored may fetch
        // a body that turns out to be known; the unique key then leaves it out.
        var result = new FolderSyncResult(folder.Kind, false, 0, 0, 0);
        var chunks = uids.Chunk(options.BatchSize).ToList();
        Task<int>? storing = null;
        MailImportBatch? stored = null;
        Task<Lookup>? lookingUp = null;
        try
        {
            if (chunks.Count > 0)
            {
                lookingUp = LookUpAsync(mailbox, folder.Kind, await session.FetchSummariesAsync(chunks[0], cancellationToken), cancellationToken);
            }

            for (var i = 0; i < chunks.Count; i++)
            {
                var following = i + 1 < chunks.Count ? await session.FetchSummariesAsync(chunks[i + 1], cancellationToken) : null;
                var lookup = await lookingUp!;
                lookingUp = following is null ? null : LookUpAsync(mailbox, folder.Kind, following, cancellationToken);
                var batch = await ReadBatchAsync(mailbox, session, folder, chunks[i], lookup, position, cancellationToken);
                if (storing is not null)
                {
                    (position, result) = Advance(position, result, stored!, await storing);
                }

                batch = batch with { Cursor = position with { LastUid = Math.Max(position.LastUid, chunks[i].Max()), SeenCount = position.SeenCount + chunks[i].Length } };
                storing = store.StoreBatchAsync(batch, cancellationToken);
                stored = batch;
            }
        }
        catch when (storing is not null || lookingUp is not null)
        {
            // The batch already read is still stored before the failure is reported.
            await QuietlyAsync(lookingUp);
            await QuietlyAsync(storing);
            throw;
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
         result with { Seen = result.Seen + batch.Seen, Imported = result.Imported + imported, Skipped = result.Skipped + batch.Skipped.Count });

    private static async Task QuietlyAsync(Task? task)
    {
        try
        {
            if (task is not null)
            {
                await task;
            }
        }
        catch (Exception)
        {
            // The read's failure is the one reported; what failed here is retried by the next sync.
        }
    }

    /// <summary>No message arrived since the cursor: the UIDNEXT that EXAMINE returns says so
    /// without another command. HIGHESTMODSEQ (CONDSTORE) is kept in the cursor but does not
    /// decide: it also moves on flag changes, and the app keeps no flags.</summary>
    private static bool IsUnchanged(MailImportCursor cursor, MailFolderState folder) =>
        folder.UidNext is { } next && next <= cursor.LastUid + 1;

    /// <summary>A chunk's summaries with what the database says about them: the candidates to import.</summary>
    private sealed record Lookup(IReadOnlyList<ImportCandidate> Candidates);

    private async Task<Lookup> LookUpAsync(
        MailboxConnection mailbox, MailFolderKind kind, IReadOnlyList<MailSummary> summaries, CancellationToken cancellationToken)
    {
        var emails = summaries.SelectMany(s => s.Addresses).Distinct().ToList();
        var identities = summaries.Select(MailIdentity.Of).Distinct().ToList();
        // Two queries on two pooled connections at once: half the round trips' wait.
        var matching = emails.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>())
            : store.MatchCustomersAsync(emails, cancellationToken);
        var knowing = store.FindKnownAsync(mailbox.UserId, identities, cancellationToken);
        await Task.WhenAll(matching, knowing);
        return new Lookup(ImportPlan.Choose(summaries, kind, OwnAddresses(mailbox), await matching, await knowing));
    }

    private async Task<MailImportBatch> ReadBatchAsync(
        MailboxConnection mailbox, IMailImportSession session, MailFolderState folder, uint[] chunk, Lookup lookup, MailImportCursor position,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = lookup.Candidates;
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

        // The caller moves the cursor past this chunk once the batches before it are stored.
        return new MailImportBatch(mailbox.UserId, position, chunk.Length, mails, skipped, now);
    }

    private static HashSet<string> OwnAddresses(MailboxConnection mailbox) =>
        new[] { mailbox.SenderAddress, mailbox.Imap.UserName, mailbox.Smtp.UserName }
            .Where(a => a.Contains('@', StringComparison.Ordinal))
            .Select(a => a.ToLowerInvariant())
            .ToHashSet();
}
