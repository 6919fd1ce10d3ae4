using System.Threading.Channels;

namespace Digima.Core.MailImport;

/// <summary>Reading a folder on two connections: the first reads summaries (and the database
/// looks them up) up to two chunks ahead of the second, which reads bodies; batches are stored in
/// order as on one. Chunks already looked up when the first connection fails are still read and stored.</summary>
internal static class TwoConnectionRead
{
    public static async Task ReadAsync(
        ChunkReader reader, IMailImportSession session, IMailImportSession bodies, List<uint[]> chunks, OrderedBatchStore batches,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = Channel.CreateBounded<(uint[] Chunk, Task<ChunkReader.Lookup> Lookup)>(2);
        var summaries = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in chunks)
                    {
                        var read = await session.FetchSummariesAsync(chunk, stop.Token);
                        await ahead.Writer.WriteAsync((chunk, reader.LookUpAsync(read, stop.Token)), stop.Token);
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
                await batches.AddAsync(await reader.ReadBatchAsync(bodies, chunk, lookup, batches.Position, cancellationToken), chunk, cancellationToken);
            }
        }
        finally
        {
            // On a failure here the summaries stop too; lookups already started are waited for.
            await stop.CancelAsync();
            await summaries;
            while (ahead.Reader.TryRead(out var left))
            {
                await ChunkReader.QuietlyAsync(left.Lookup);
            }
        }
    }
}
