using Digima.Core.Telemetry;

namespace Digima.Core.MailImport;

/// <summary>Stores a folder's batches while the caller reads the next ones, with the folder's
/// cursor moved in UID order: past a batch only once it and every batch before it are stored.
/// Two batches may be stored at once (on two database connections): the database's part of a
/// batch is most of an import's time, and one transaction uses one core. A batch started while
/// none is being stored carries its cursor in its own transaction; one started beside the batch
/// before it is stored without, and its cursor is written when both are stored. So a cut at any
/// point leaves the cursor at the end of a run of stored batches: the next sync reads again what
/// follows, recognises what was stored out of order by its identity, and skips nothing.</summary>
internal sealed class OrderedBatchStore(IImportedMailRepository store, MailImportCursor position, FolderSyncResult result)
{
    private const int InFlight = 2;

    private readonly Queue<Pending> _pending = new();

    /// <summary>The cursor past the last batch stored in order.</summary>
    public MailImportCursor Position { get; private set; } = position;

    public FolderSyncResult Result { get; private set; } = result;

    /// <summary>Starts storing this batch, after waiting for the oldest when two are being stored.</summary>
    /// <exception cref="Exception">Storing an earlier batch failed (the batches after it are still
    /// waited for, but their cursors are not written).</exception>
    public async Task AddAsync(MailImportBatch batch, uint[] chunk, CancellationToken cancellationToken)
    {
        while (_pending.Count >= InFlight || (_pending.TryPeek(out var oldest) && oldest.Storing.IsCompleted))
        {
            await CompleteOldestAsync(cancellationToken);
        }

        var alone = _pending.Count == 0;
        var stored = batch with { Cursor = alone ? Past(Position, chunk, batch) : null };
        _pending.Enqueue(new Pending(stored, chunk, alone, StoreAsync(stored, cancellationToken)));
    }

    /// <summary>One batch onto the customers' timelines (the insert's triggers add the rows), as
    /// a span under the folder's: the last step of an import's trace.</summary>
    private async Task<int> StoreAsync(MailImportBatch batch, CancellationToken cancellationToken)
    {
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.ImportStore);
        span?.SetTag(TelemetryTags.MailCount, batch.Mails.Count);
        return await store.StoreBatchAsync(batch, cancellationToken);
    }

    /// <summary>Waits until every batch is stored and the cursor is past the last one.</summary>
    public async Task FlushAsync()
    {
        while (_pending.Count > 0)
        {
            await CompleteOldestAsync(CancellationToken.None);
        }
    }

    /// <summary>After a read failed: the batches already read are still stored before the
    /// failure is reported; if storing fails too, the read's failure is the one reported.</summary>
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

    private async Task CompleteOldestAsync(CancellationToken cancellationToken)
    {
        var oldest = _pending.Dequeue();
        int imported;
        try
        {
            imported = await oldest.Storing;
            if (!oldest.WithCursor)
            {
                var cursor = Past(Position, oldest.Chunk, oldest.Batch) with { ImportedCount = Position.ImportedCount + imported };
                await store.StoreBatchAsync(new MailImportBatch(oldest.Batch.UserId, cursor, 0, [], [], oldest.Batch.At), cancellationToken);
            }
        }
        catch
        {
            // No cursor moves past a batch that failed: the ones after it are waited for (they
            // may be stored; the next sync recognises them) and the failure is reported.
            while (_pending.TryDequeue(out var later))
            {
                try
                {
                    await later.Storing;
                }
                catch (Exception)
                {
                    // The first failure is the one reported.
                }
            }

            throw;
        }

        Position = Past(Position, oldest.Chunk, oldest.Batch) with { ImportedCount = Position.ImportedCount + imported };
        Result = Result with
        {
            Seen = Result.Seen + oldest.Batch.Seen,
            Imported = Result.Imported + imported,
            Skipped = Result.Skipped + oldest.Batch.Skipped.Count,
            NoCustomer = Result.NoCustomer + oldest.Batch.NoCustomer,
            Known = Result.Known + oldest.Batch.Known,
            // Whose profiles to tell about the new mail (live updates).
            CustomerIds = imported == 0 ? Result.CustomerIds : Result.CustomerIds.Union(oldest.Batch.Mails.SelectMany(m => m.Customers).Select(c => c.CustomerId)).ToHashSet(),
        };
    }

    /// <summary>The cursor past the chunk, with the batch's counts added (the skipped ones are
    /// counted from their rows).</summary>
    private static MailImportCursor Past(MailImportCursor position, uint[] chunk, MailImportBatch batch) =>
        position with
        {
            LastUid = Math.Max(position.LastUid, chunk.Max()),
            SeenCount = position.SeenCount + chunk.Length,
            NoCustomerCount = position.NoCustomerCount + batch.NoCustomer,
            KnownCount = position.KnownCount + batch.Known,
        };

    /// <param name="WithCursor">Stored with its cursor in the same transaction (nothing was being stored before it).</param>
    private sealed record Pending(MailImportBatch Batch, uint[] Chunk, bool WithCursor, Task<int> Storing);
}
