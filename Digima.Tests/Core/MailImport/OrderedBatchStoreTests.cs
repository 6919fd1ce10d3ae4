using Digima.Core.MailImport;

namespace Digima.Tests.Core.MailImport;

/// <summary>Two batches stored at once; the folder's cursor only ever moves past batches stored
/// in order, so a failure never leaves a gap behind it.</summary>
public class OrderedBatchStoreTests
{
    private static readonly MailImportCursor Start = new(MailFolderKind.Inbox, "INBOX", 7, 0, 0, 0, 0);

    [Fact]
    public async Task AddAsync_SecondBatchStoredBesideTheFirst_CursorWrittenOnlyAfterBothInOrder()
    {
        var repository = new ControlledRepository();
        var batches = new OrderedBatchStore(repository, Start, new FolderSyncResult(MailFolderKind.Inbox, false, 0, 0, 0));

        await batches.AddAsync(Batch(), [1, 2], CancellationToken.None);
        await batches.AddAsync(Batch(), [3, 4], CancellationToken.None);
        var third = batches.AddAsync(Batch(), [5], CancellationToken.None);

        // The first goes with its cursor; the second beside it without; the third waits for the first.
        Assert.Equal([2u, null], repository.Stores.Select(s => s.Batch.Cursor?.LastUid));
        Assert.False(third.IsCompleted);
        repository.Stores[1].Done.SetResult(1);
        Assert.False(third.IsCompleted);
        Assert.Empty(repository.CursorWrites);

        repository.Stores[0].Done.SetResult(2);
        await third;
        repository.Stores[2].Done.SetResult(0);
        await batches.FlushAsync();

        // The second's cursor written once the first was stored; the third, started when both
        // were, carries its own.
        Assert.Equal([(4u, 4L, 3L)], repository.CursorWrites.Select(c => (c.LastUid, c.SeenCount, c.ImportedCount)));
        Assert.Equal((5u, 5L, 3L), (repository.Stores[2].Batch.Cursor!.LastUid, repository.Stores[2].Batch.Cursor!.SeenCount, repository.Stores[2].Batch.Cursor!.ImportedCount));
        Assert.Equal((5u, 3L), (batches.Position.LastUid, batches.Position.ImportedCount));
        Assert.Equal(3, batches.Result.Imported);
    }

    [Fact]
    public async Task FlushAsync_EarlierBatchFailsWhileTheNextIsStored_CursorStaysBeforeTheFailedOne()
    {
        var repository = new ControlledRepository();
        var batches = new OrderedBatchStore(repository, Start, new FolderSyncResult(MailFolderKind.Inbox, false, 0, 0, 0));
        await batches.AddAsync(Batch(), [1, 2], CancellationToken.None);
        repository.Stores[0].Done.SetResult(1);
        await batches.AddAsync(Batch(), [3, 4], CancellationToken.None);
        await batches.AddAsync(Batch(), [5, 6], CancellationToken.None);

        repository.Stores[2].Done.SetResult(1);
        repository.Stores[1].Done.SetException(new InvalidOperationException("connection lost"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(batches.FlushAsync);
        Assert.Equal("connection lost", error.Message);
        // The third batch may be stored (the next sync recognises its mails), but the cursor is
        // not moved past the second: the next sync reads both again.
        Assert.Empty(repository.CursorWrites);
        Assert.Equal(2u, batches.Position.LastUid);
    }

    private static MailImportBatch Batch() => new(1, null, 2, [], [], DateTimeOffset.UnixEpoch);

    /// <summary>Batches with mails complete when the test says; cursor-only writes at once.</summary>
    private sealed class ControlledRepository : IImportedMailRepository
    {
        public List<(MailImportBatch Batch, TaskCompletionSource<int> Done)> Stores { get; } = [];

        public List<MailImportCursor> CursorWrites { get; } = [];

        public Task<int> StoreBatchAsync(MailImportBatch batch, CancellationToken cancellationToken)
        {
            if (batch.Seen == 0)
            {
                CursorWrites.Add(batch.Cursor!);
                return Task.FromResult(0);
            }

            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            Stores.Add((batch, done));
            return done.Task;
        }

        public Task<KnownIdentities> FindKnownAsync(long userId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, long>> MatchCustomersAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MailImportCursor?> GetCursorAsync(long userId, ImportFolder folder, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordSuccessAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordFailureAsync(long userId, string error, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(long userId, long mailId, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
