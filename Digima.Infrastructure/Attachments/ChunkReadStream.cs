using Npgsql;

namespace Digima.Infrastructure.Attachments;

/// <summary>A stored file's content as a read-only stream: one query over its chunks in order,
/// read with sequential access so only the chunk being read is in memory. It keeps its own
/// connection until disposed.</summary>
internal sealed class ChunkReadStream : Stream
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlDataReader _reader;
    private Stream? _chunk;
    private bool _done;

    private ChunkReadStream(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader)
    {
        _connection = connection;
        _command = command;
        _reader = reader;
    }

    public static async Task<ChunkReadStream> OpenAsync(NpgsqlDataSource dataSource, long fileId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var command = new NpgsqlCommand("SELECT data FROM stored_file_chunks WHERE file_id = @fileId ORDER BY seq", connection);
            command.Parameters.AddWithValue("fileId", fileId);
            var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            return new ChunkReadStream(connection, command, reader);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_done && buffer.Length > 0)
        {
            if (_chunk is null)
            {
                if (!await _reader.ReadAsync(cancellationToken))
                {
                    _done = true;
                    break;
                }

                _chunk = await _reader.GetStreamAsync(0, cancellationToken);
            }

            var read = await _chunk.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await _chunk.DisposeAsync();
            _chunk = null;
        }

        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_chunk is not null)
        {
            await _chunk.DisposeAsync();
        }

        await _reader.DisposeAsync();
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunk?.Dispose();
            _reader.Dispose();
            _command.Dispose();
            _connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
