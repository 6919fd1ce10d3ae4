namespace Digima.Core.MailImport;

/// <summary>Reading a folder on one connection: it reads the next chunk's summaries while the
/// database looks up this chunk's customers and identities, then this chunk's bodies (parsed in
/// parallel as they arrive) while the database looks up the next chunk and stores the previous batch.</summary>
internal static class OneConnectionRead
{
    public static async Task ReadAsync(
        ChunkReader reader, IMailImportSession session, List<uint[]> chunks, OrderedBatchStore batches, CancellationToken cancellationToken)
    {
        Task<ChunkReader.Lookup>? lookingUp = null;
        try
        {
            if (chunks.Count > 0)
            {
                lookingUp = reader.LookUpAsync(await session.FetchSummariesAsync(chunks[0], cancellationToken), cancellationToken);
            }

            for (var i = 0; i < chunks.Count; i++)
            {
                var following = i + 1 < chunks.Count ? await session.FetchSummariesAsync(chunks[i + 1], cancellationToken) : null;
                var lookup = await lookingUp!;
                lookingUp = following is null ? null : reader.LookUpAsync(following, cancellationToken);
                await batches.AddAsync(await reader.ReadBatchAsync(session, chunks[i], lookup, batches.Position, cancellationToken), chunks[i], cancellationToken);
            }
        }
        catch
        {
            await ChunkReader.QuietlyAsync(lookingUp);
            throw;
        }
    }
}
