using System.Security.Cryptography;
using Dapper;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Npgsql;
using NpgsqlTypes;

namespace Digima.Infrastructure.Attachments;

/// <summary>Files in PostgreSQL (decision 0015): a row per file, its content in chunks written
/// with binary COPY and read back row by row, so neither side holds a whole file.</summary>
internal sealed partial class AttachmentStore(NpgsqlDataSource dataSource) : IAttachmentStore
{
    internal const int ChunkSize = 256 * 1024;

    private const string Columns = """
        id, owner_user_id, imported_mail_id, outgoing_mail_id, template_id, position, file_name, content_type, size, sha256, created_at
        """;

    public async Task<StoredFile?> SaveAsync(NewStoredFile file, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await SaveAsync(connection, file, content, maxBytes, cancellationToken);
        if (stored is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Stores a file in the connection's open transaction. Null when over
    /// <paramref name="maxBytes"/>: the transaction must then be rolled back.</summary>
    private static async Task<StoredFile?> SaveAsync(NpgsqlConnection connection, NewStoredFile file, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var id = await InsertRowAsync(connection, file, cancellationToken);
        var (size, sha256) = await CopyContentAsync(connection, id, content, maxBytes, cancellationToken);
        if (size > maxBytes)
        {
            return null;
        }

        const string finish = $"UPDATE stored_files SET size = @size, sha256 = @sha256 WHERE id = @id RETURNING {Columns}";
        return await connection.QuerySingleAsync<StoredFile>(new CommandDefinition(finish, new { id, size, sha256 }, cancellationToken: cancellationToken));
    }

    public async Task<StoredFile?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await FindManyAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<StoredFile>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM stored_files WHERE id = ANY(@ids) ORDER BY array_position(@ids, id)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StoredFile>(new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<StoredFile>> ListForOutgoingAsync(long outgoingMailId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM stored_files WHERE outgoing_mail_id = @outgoingMailId ORDER BY position, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StoredFile>(new CommandDefinition(sql, new { outgoingMailId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<StoredFile>> ListForImportedAsync(long importedMailId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM stored_files WHERE imported_mail_id = @importedMailId ORDER BY position, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StoredFile>(new CommandDefinition(sql, new { importedMailId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<StoredFile>> ListForTemplateAsync(long templateId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM stored_files WHERE template_id = @templateId ORDER BY position, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StoredFile>(new CommandDefinition(sql, new { templateId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task SetTemplateFilesAsync(long templateId, IReadOnlyList<long> fileIds, long actorUserId, CancellationToken cancellationToken)
    {
        // The template's files not kept go; the actor's loose files named become the template's;
        // the order is the list's. One transaction: a template never shows half an edit.
        const string drop = "DELETE FROM stored_files WHERE template_id = @templateId AND NOT (id = ANY(@ids))";
        const string take = """
            UPDATE stored_files f SET template_id = @templateId, position = o.ord - 1
            FROM unnest(@ids) WITH ORDINALITY AS o(id, ord)
            WHERE f.id = o.id AND (f.template_id = @templateId
                OR (f.owner_user_id = @actorUserId AND f.imported_mail_id IS NULL AND f.outgoing_mail_id IS NULL AND f.template_id IS NULL))
            """;
        var args = new { templateId, ids = fileIds.ToArray(), actorUserId };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(drop, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(take, args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            throw new NotFoundException($"Stored file {id} does not exist.");
        }

        return await ChunkReadStream.OpenAsync(dataSource, id, cancellationToken);
    }

    public async Task<int> AttachToOutgoingAsync(IReadOnlyList<long> fileIds, long ownerUserId, long outgoingMailId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AttachToOutgoingAsync(connection, null, fileIds, ownerUserId, outgoingMailId, cancellationToken);
    }

    /// <summary>The same, inside the caller's transaction: the outgoing-mail insert gives the files
    /// to the mail it writes, so a mail is never queued without them (or they taken without it).</summary>
    internal static Task<int> AttachToOutgoingAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<long> fileIds, long ownerUserId, long outgoingMailId, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE stored_files f SET outgoing_mail_id = @outgoingMailId, position = o.ord - 1
            FROM unnest(@ids) WITH ORDINALITY AS o(id, ord)
            WHERE f.id = o.id AND f.owner_user_id = @ownerUserId
              AND f.imported_mail_id IS NULL AND f.outgoing_mail_id IS NULL AND f.template_id IS NULL
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { ids = fileIds.ToArray(), ownerUserId, outgoingMailId }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredFile>> CopyAsync(IReadOnlyList<long> fileIds, long ownerUserId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string copyRow = $"""
            INSERT INTO stored_files (owner_user_id, position, file_name, content_type, size, sha256, created_at)
            SELECT @ownerUserId, @position, file_name, content_type, size, sha256, @at FROM stored_files WHERE id = @source
            RETURNING {Columns}
            """;
        const string copyChunks = "INSERT INTO stored_file_chunks (file_id, seq, data) SELECT @target, seq, data FROM stored_file_chunks WHERE file_id = @source";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var copies = new List<StoredFile>(fileIds.Count);
        foreach (var source in fileIds)
        {
            var copy = await connection.QuerySingleOrDefaultAsync<StoredFile>(new CommandDefinition(
                copyRow, new { ownerUserId, position = copies.Count, at, source }, transaction, cancellationToken: cancellationToken));
            if (copy is null)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(copyChunks, new { target = copy.Id, source }, transaction, cancellationToken: cancellationToken));
            copies.Add(copy);
        }

        await transaction.CommitAsync(cancellationToken);
        return copies;
    }

    public async Task DeleteLooseAsync(IReadOnlyCollection<long> fileIds, long ownerUserId, CancellationToken cancellationToken)
    {
        const string sql = """
            DELETE FROM stored_files
            WHERE id = ANY(@ids) AND owner_user_id = @ownerUserId AND imported_mail_id IS NULL AND outgoing_mail_id IS NULL AND template_id IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { ids = fileIds.ToArray(), ownerUserId }, cancellationToken: cancellationToken));
    }

    private static Task<long> InsertRowAsync(NpgsqlConnection connection, NewStoredFile file, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO stored_files (owner_user_id, imported_mail_id, outgoing_mail_id, position, file_name, content_type, size, sha256, created_at)
            VALUES (@OwnerUserId, @ImportedMailId, @OutgoingMailId, @Position, @FileName, @ContentType, 0, '\x', @CreatedAt)
            RETURNING id
            """;
        var row = file with { FileName = SafeFileName.From(file.FileName), ContentType = ContentTypeOrDefault(file.ContentType) };
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, row, cancellationToken: cancellationToken));
    }

    /// <summary>Reads whole chunks (a short read from a network stream is not the end) and hashes
    /// as it goes. Stops one byte past the limit, so a huge upload is not read to its end.</summary>
    private static async Task<(long Size, byte[] Sha256)> CopyContentAsync(NpgsqlConnection connection, long id, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        await using (var importer = await connection.BeginBinaryImportAsync("COPY stored_file_chunks (file_id, seq, data) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var seq = 0; size <= maxBytes; seq++)
            {
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                size += read;
                hash.AppendData(buffer, 0, read);
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(seq, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(new ArraySegment<byte>(buffer, 0, read), NpgsqlDbType.Bytea, cancellationToken);
                if (read < buffer.Length)
                {
                    break;
                }
            }

            if (size <= maxBytes)
            {
                await importer.CompleteAsync(cancellationToken);
            }
        }

        return (size, hash.GetHashAndReset());
    }

    internal static string ContentTypeOrDefault(string contentType) =>
        contentType.Length is >= 3 and <= 255 && contentType.Contains('/', StringComparison.Ordinal) && !contentType.Any(char.IsControl)
            ? contentType
            : "application/octet-stream";
}
