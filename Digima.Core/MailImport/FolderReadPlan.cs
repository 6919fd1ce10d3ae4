using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport;

/// <summary>What a folder's sync reads: the new UIDs (or the first-sync window), in chunks, and
/// the cursor the batches start from.</summary>
internal sealed record FolderReadPlan(IReadOnlyList<uint> Uids, List<uint[]> Chunks, MailImportCursor Position)
{
    /// <summary>The plan for <paramref name="folder"/> as just opened on <paramref name="session"/>;
    /// null when nothing arrived since <paramref name="cursor"/>.</summary>
    /// <param name="fullResync">「完全に再同期」: the window is read again from its start and the
    /// folder's counters start again from zero, so they tell what the window holds now.</param>
    public static async Task<FolderReadPlan?> MakeAsync(
        IMailImportSession session, MailFolderState folder, MailImportCursor? cursor, MailImportOptions options, TimeProvider time,
        CancellationToken cancellationToken, bool fullResync = false)
    {
        var rescan = fullResync || cursor is null || cursor.UidValidity != folder.UidValidity;
        if (!rescan && IsUnchanged(cursor!, folder))
        {
            return null;
        }

        // A new UIDVALIDITY means every UID changed: the window is read again and identities
        // (Message-IDs) already stored are recognised, so nothing is imported twice.
        var uids = rescan
            ? await session.SearchSinceAsync(time.GetUtcNow().AddDays(-options.FirstSyncDays), cancellationToken)
            : (await session.SearchAfterAsync(cursor!.LastUid, cancellationToken)).Where(u => u > cursor.LastUid).ToList();
        var kept = fullResync ? null : cursor;
        var position = rescan
            ? new MailImportCursor(folder.Kind, folder.FullName, folder.UidValidity, 0, 0, kept?.SeenCount ?? 0, kept?.ImportedCount ?? 0)
            {
                NoCustomerCount = kept?.NoCustomerCount ?? 0,
                KnownCount = kept?.KnownCount ?? 0,
            }
            : cursor! with { FolderName = folder.FullName };
        position = position with { Key = folder.Key, ServerCount = folder.Count };
        return new FolderReadPlan(uids, ChunksOf(uids, options.BatchSize), position);
    }

    /// <summary>The UIDs in batches of at most <paramref name="size"/>, in order. More than one
    /// batch's worth starts with smaller ones (an eighth, a quarter, a half): storing starts as
    /// soon as the first small batch is read instead of after a whole one, so reading, parsing and
    /// storing overlap from the start.</summary>
    internal static List<uint[]> ChunksOf(IReadOnlyList<uint> uids, int size)
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

    /// <summary>No message arrived since the cursor: the UIDNEXT that EXAMINE returns says so
    /// without another command. HIGHESTMODSEQ (CONDSTORE) is kept in the cursor but does not
    /// decide: it also moves on flag changes, and the app keeps no flags.</summary>
    private static bool IsUnchanged(MailImportCursor cursor, MailFolderState folder) =>
        folder.UidNext is { } next && next <= cursor.LastUid + 1;
}
