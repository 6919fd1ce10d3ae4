namespace Digima.Core.MailImport;

/// <summary>Stores a folder's batches one after the other, in UID order, each with the cursor
/// just past it, while the caller reads the next one: at most one batch is being stored at a
/// time, and a batch's cursor is only written after every batch before it.</summary>
internal sealed class OrderedBatchStore(IImportedMailRepository store, MailImportCursor position, FolderSyncResult result)
{
    private Task<int>? _storing;
    private MailImportBatch? _stored;

    public MailImportCursor Position { get; private set; } = position;

    public FolderSyncResult Result { get; private set; } = result;

    /// <summary>Waits for the batch before, then starts storing this one with its cursor.</summary>
    public async Task AddAsync(MailImportBatch batch, uint[] chunk, CancellationToken cancellationToken)
    {
        await FlushAsync();
        batch = batch with { Cursor = Position with { LastUid = Math.Max(Position.LastUid, chunk.Max()), SeenCount = Position.SeenCount + chunk.Length } };
        _storing = store.StoreBatchAsync(batch, cancellationToken);
        _stored = batch;
    }

    /// <summary>Waits until the batch being stored is stored.</summary>
    public async Task FlushAsync()
    {
        if (_storing is { } storing)
        {
            _storing = null;
            var imported = await storing;
            Position = _stored!.Cursor with { ImportedCount = Position.ImportedCount + imported };
            Result = Result with
            {
                Seen = Result.Seen + _stored.Seen,
                Imported = Result.Imported + imported,
                Skipped = Result.Skipped + _stored.Skipped.Count,
                // Whose profiles to tell about the new mail (live updates).
                CustomerIds = imported == 0 ? Result.CustomerIds : Result.CustomerIds.Union(_stored.Mails.SelectMany(m => m.Customers).Select(c => c.CustomerId)).ToHashSet(),
            };
        }
    }

    /// <summary>After a read failed: the batch already read is still stored before the failure
    /// is reported; if storing fails too, the read's failure is the one reported.</summary>
    public async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception)
        {
            // Retried by the next sync, from the last stored cursor.
        }
    }
}
