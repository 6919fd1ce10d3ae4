using Digima.Core.Attachments;
using Digima.Core.MailImport;
using Npgsql;
using NpgsqlTypes;

namespace Digima.Infrastructure.Attachments;

internal sealed partial class AttachmentStore
{
    /// <summary>The files of an import batch's mails, their content already held and hashed, in the
    /// connection's open transaction: one INSERT for every row and one COPY for every chunk, so a
    /// batch's files cost two round trips, not three a file. Returns each file's id by its mail and
    /// position.</summary>
    internal static async Task<IReadOnlyDictionary<(long MailId, int Position), long>> SaveImportedAsync(
        NpgsqlConnection connection, IReadOnlyList<(long MailId, long OwnerUserId, DateTimeOffset At, ImportedFile File)> files,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO stored_files (owner_user_id, imported_mail_id, position, file_name, content_type, size, sha256, created_at)
            SELECT * FROM unnest(@owners, @mails, @positions, @names, @types, @sizes, @hashes, @ats)
            RETURNING imported_mail_id, position, id
            """;
        var ids = new Dictionary<(long, int), long>();
        await using (var insert = new NpgsqlCommand(sql, connection))
        {
            insert.Parameters.Add(Array("owners", NpgsqlDbType.Bigint, files.Select(f => f.OwnerUserId)));
            insert.Parameters.Add(Array("mails", NpgsqlDbType.Bigint, files.Select(f => f.MailId)));
            insert.Parameters.Add(Array("positions", NpgsqlDbType.Integer, files.Select(f => f.File.Position)));
            insert.Parameters.Add(Array("names", NpgsqlDbType.Text, files.Select(f => SafeFileName.From(f.File.FileName))));
            insert.Parameters.Add(Array("types", NpgsqlDbType.Text, files.Select(f => ContentTypeOrDefault(f.File.ContentType))));
            insert.Parameters.Add(Array("sizes", NpgsqlDbType.Bigint, files.Select(f => f.File.Content.Length)));
            insert.Parameters.Add(Array("hashes", NpgsqlDbType.Bytea, files.Select(f => f.File.Content.Sha256)));
            insert.Parameters.Add(Array("ats", NpgsqlDbType.TimestampTz, files.Select(f => f.At.ToUniversalTime())));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[(reader.GetInt64(0), reader.GetInt32(1))] = reader.GetInt64(2);
            }
        }

        var buffer = new byte[ChunkSize];
        await using var importer = await connection.BeginBinaryImportAsync("COPY stored_file_chunks (file_id, seq, data) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (mailId, _, _, file) in files)
        {
            var content = file.Content.OpenRead();
            for (var seq = 0; ; seq++)
            {
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(ids[(mailId, file.Position)], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(seq, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(new ArraySegment<byte>(buffer, 0, read), NpgsqlDbType.Bytea, cancellationToken);
                if (read < buffer.Length)
                {
                    break;
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
        return ids;
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
