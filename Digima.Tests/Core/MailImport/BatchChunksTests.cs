using Digima.Core.MailImport;

namespace Digima.Tests.Core.MailImport;

public class BatchChunksTests
{
    [Fact]
    public void A_folder_of_more_than_one_batch_starts_with_smaller_batches_and_keeps_every_uid_once_in_order()
    {
        var uids = Enumerable.Range(1, 2_000).Select(i => (uint)(i * 3)).ToList();

        var chunks = FolderReadPlan.ChunksOf(uids, 500);

        Assert.Equal([62, 124, 248, 496, 500, 500, 70], chunks.Select(c => c.Length));
        Assert.Equal(uids, chunks.SelectMany(c => c));
    }

    [Fact]
    public void Up_to_one_batch_is_one_chunk()
    {
        var uids = Enumerable.Range(1, 500).Select(i => (uint)i).ToList();

        Assert.Equal([500], FolderReadPlan.ChunksOf(uids, 500).Select(c => c.Length));
        Assert.Empty(FolderReadPlan.ChunksOf([], 500));
    }

    [Fact]
    public void No_chunk_is_larger_than_the_batch_size_even_when_it_is_tiny()
    {
        var uids = Enumerable.Range(1, 10).Select(i => (uint)i).ToList();

        var chunks = FolderReadPlan.ChunksOf(uids, 3);

        Assert.Equal([1, 2, 3, 3, 1], chunks.Select(c => c.Length));
    }
}
