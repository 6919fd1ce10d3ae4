using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport.Backfill;

/// <summary>Imports the messages a backfill's search found in one folder: their summaries in
/// batches, then the bodies of those exchanged with customers and not imported yet. The folder's
/// cursor is left alone: the sync owns it, and what a backfill stores the sync recognises by its
/// identity.</summary>
internal static class BackfillFolder
{
    /// <returns>Mails stored, and the customers they were exchanged with.</returns>
    public static async Task<(int Imported, IReadOnlySet<long> CustomerIds)> ImportAsync(
        ChunkReader reader, IImportedMailRepository store, IMailImportSession session, MailFolderState folder, IReadOnlyList<uint> uids,
        int batchSize, CancellationToken cancellationToken)
    {
        var imported = 0;
        var customers = new HashSet<long>();
        // Only a placeholder: batches are stored without a cursor.
        var position = new MailImportCursor(folder.Kind, folder.FullName, folder.UidValidity, 0, 0, 0, 0) { Key = folder.Key };
        foreach (var chunk in FolderReadPlan.ChunksOf(uids, batchSize))
        {
            var lookup = await reader.LookUpAsync(await session.FetchSummariesAsync(chunk, cancellationToken), cancellationToken);
            // A mail stored already is this one (the same identity, found by the sync before the
            // customer existed, for another customer): its body is not fetched again to compare.
            var fresh = lookup with { Choice = lookup.Choice with { Candidates = lookup.Candidates.Where(c => !lookup.Known.Stored.ContainsKey(c.Identity)).ToList() } };
            var batch = await reader.ReadBatchAsync(session, chunk, fresh, position, cancellationToken);
            var stored = await store.StoreBatchAsync(batch with { Cursor = null }, cancellationToken);
            imported += stored;
            if (stored > 0)
            {
                customers.UnionWith(batch.Mails.SelectMany(m => m.Customers).Select(c => c.CustomerId));
            }
        }

        return (imported, customers);
    }
}
