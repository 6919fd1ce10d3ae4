using System.Threading.Channels;
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
/// <param name="neverImport">The rep's never-import list (enabled addresses and domains).</param>
internal sealed class FolderImporter(IImportedMailRepository store, MailImportOptions options, TimeProvider time, IReadOnlyCollection<string> neverImport)
{
    /// <param name="bodySession">A second connection for bodies when there is more than one batch; null to use one.</param>
    /// <param name="cursor">The folder's stored cursor (<see cref="IImportedMailRepository.GetCursorAsync"/>).</param>
    public async Task<FolderSyncResult> ImportAsync(
        MailboxConnection mailbox, IMailImportSession session, BodySession? bodySession, MailFolderState folder, MailImportCursor? cursor,
        CancellationToken cancellationToken)
    {
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

        var chunks = Chunks(uids, options.BatchSize);
        var batches = new OrderedBatchStore(store, position, new FolderSyncResult(folder.Kind, false, 0, 0, 0));
        var second = chunks.Count > 1 && bodySession is not null ? await bodySession.OpenAsync(folder, cancellationToken) : null;
        try
        {
            await (second is null
                ? ReadOnOneConnectionAsync(mailbox, session, folder, chunks, batches, cancellationToken)
                : ReadOnTwoConnectionsAsync(mailbox, session, second, folder, chunks, batches, cancellationToken));
        }
        catch
        {
            await batches.FlushQuietlyAsync();
            throw;
        }

        await batches.FlushAsync();
        position = batches.Position;
        var result = batches.Result;

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

    /// <summary>One connection: it reads the next chunk's summaries while the database looks up
    /// this chunk's customers and identities, then this chunk's bodies (parsed in parallel as they
    /// arrive) while the database looks up the next chunk and stores the previous batch.</summary>
    private async Task ReadOnOneConnectionAsync(
        MailboxConnection mailbox, IMailImportSession session, MailFolderState folder, List<uint[]> chunks, OrderedBatchStore batches,
        CancellationToken cancellationToken)
    {
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
                await batches.AddAsync(await ReadBatchAsync(mailbox, session, folder, chunks[i], lookup, batches.Position, cancellationToken), chunks[i], cancellationToken);
            }
        }
        catch
        {
            await QuietlyAsync(lookingUp);
            throw;
        }
    }

    /// <summary>Two connections: the first reads summaries (and the database looks them up) up to
    /// two chunks ahead of the second, which reads bodies; batches are stored in order as above.
    /// Chunks already looked up when the first connection fails are still read and stored.</summary>
    private async Task ReadOnTwoConnectionsAsync(
        MailboxConnection mailbox, IMailImportSession session, IMailImportSession bodies, MailFolderState folder, List<uint[]> chunks,
        OrderedBatchStore batches, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = Channel.CreateBounded<(uint[] Chunk, Task<Lookup> Lookup)>(2);
        var summaries = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in chunks)
                    {
                        var read = await session.FetchSummariesAsync(chunk, stop.Token);
                        await ahead.Writer.WriteAsync((chunk, LookUpAsync(mailbox, folder.Kind, read, stop.Token)), stop.Token);
                    }

                    ahead.Writer.Complete();
                }
                catch (Exception e)
                {
                    ahead.Writer.Complete(e);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var (chunk, lookingUp) in ahead.Reader.ReadAllAsync(cancellationToken))
            {
                var lookup = await lookingUp;
                await batches.AddAsync(await ReadBatchAsync(mailbox, bodies, folder, chunk, lookup, batches.Position, cancellationToken), chunk, cancellationToken);
            }
        }
        finally
        {
            // On a failure here the summaries stop too; lookups already started are waited for.
            await stop.CancelAsync();
            await summaries;
            while (ahead.Reader.TryRead(out var left))
            {
                await QuietlyAsync(left.Lookup);
            }
        }
    }

    /// <summary>The UIDs in batches of at most <paramref name="size"/>, in order. More than one
    /// batch's worth starts with smaller ones (an eighth, a quarter, a half): storing starts as
    /// soon as the first small batch is read instead of after a whole one, so reading, parsing and
    /// storing overlap from the start.</summary>
    internal static List<uint[]> Chunks(IReadOnlyList<uint> uids, int size)
    {
        var chunks = new List<uint[]>();
        var taken = 0;
        for (var step = uids.Count > size ? Math.Max(1, size / 8) : size; taken < uids.Count; step = Math.Min(size, step * 2))
        {
            var chunk = uids.Skip(taken).Take(step).ToArray();
            chunks.Add(chunk);
            taken += chunk.Length;
        }

        return chunks;
    }

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
    private sealed record Lookup(IReadOnlyList<ImportCandidate> Candidates, KnownIdentities Known);

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
        var known = await knowing;
        return new Lookup(ImportPlan.Choose(summaries, kind, OwnAddresses(mailbox), await matching, known, neverImport), known);
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
            var hashes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                if (read.TryGetValue(candidate.Summary.Uid, out var content))
                {
                    if (!hashes.TryGetValue(candidate.Identity, out var seen))
                    {
                        seen = lookup.Known.Stored.TryGetValue(candidate.Identity, out var stored) ? new HashSet<string>(stored, StringComparer.Ordinal) : [];
                        hashes[candidate.Identity] = seen;
                    }

                    // The same mail found again is kept once; a different one reusing its Message-ID is its own mail.
                    if (ImportPlan.Distinguish(ImportPlan.ToMail(candidate, content, mailbox.UserId, folder.Kind, folder.UidValidity, now), seen) is { } mail)
                    {
                        mails.Add(mail);
                    }
                }
                else if (unreadable.TryGetValue(candidate.Summary.Uid, out var bad))
                {
                    skipped.Add(new SkippedMail(folder.Kind, folder.UidValidity, bad.Uid, candidate.Summary.MessageId, bad.Reason, now));
                }
            }
        }

        // The cursor past this chunk is set when the batches before it are stored (OrderedBatchStore).
        return new MailImportBatch(mailbox.UserId, position, chunk.Length, mails, skipped, now);
    }

    private static HashSet<string> OwnAddresses(MailboxConnection mailbox) =>
        new[] { mailbox.SenderAddress, mailbox.Imap.UserName, mailbox.Smtp.UserName }
            .Where(a => a.Contains('@', StringComparison.Ordinal))
            .Select(a => a.ToLowerInvariant())
            .ToHashSet();
}
