using Dapper;
using Digima.Core.MailImport;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

/// <summary>What a sync reads and writes. The batch write is in ImportedMailRepository.Store.cs.</summary>
internal sealed partial class ImportedMailRepository(NpgsqlDataSource dataSource) : IImportedMailRepository
{
    public async Task<KnownIdentities> FindKnownAsync(long userId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken)
    {
        // The outbox is included: mail sent from this app is already in the app (with its
        // customers' contact fields set when it was sent), so its Sent copy is not imported.
        // A null hash settles the identity; imported mail answers with the content of each copy
        // stored under the Message-ID or reusing it.
        const string sql = """
            SELECT message_id AS identity, NULL AS content_hash, true AS deleted FROM imported_mail_tombstones WHERE user_id = @userId AND message_id = ANY(@ids)
            UNION ALL SELECT message_id, NULL, false FROM outgoing_mails WHERE user_id = @userId AND message_id = ANY(@ids)
            UNION ALL SELECT message_id, content_hash, false FROM imported_mails WHERE user_id = @userId AND message_id = ANY(@ids)
            UNION ALL SELECT reused_message_id, content_hash, false FROM imported_mails WHERE user_id = @userId AND reused_message_id = ANY(@ids)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Identity, string? ContentHash, bool Deleted)>(
            new CommandDefinition(sql, new { userId, ids = identities.ToArray() }, cancellationToken: cancellationToken))).ToList();
        var settled = rows.Where(r => r.ContentHash is null).Select(r => r.Identity).ToHashSet(StringComparer.Ordinal);
        var deleted = rows.Where(r => r.Deleted).Select(r => r.Identity).ToHashSet(StringComparer.Ordinal);
        var stored = rows.Where(r => r.ContentHash is not null && !settled.Contains(r.Identity))
            .GroupBy(r => r.Identity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlySet<string> (g) => g.Select(r => r.ContentHash!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return new KnownIdentities(settled, stored) { Deleted = deleted };
    }

    public async Task<IReadOnlyDictionary<string, long>> MatchCustomersAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        const string sql = "SELECT lower(email) AS email, id FROM customers WHERE lower(email) = ANY(@emails)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Email, long Id)>(new CommandDefinition(sql, new { emails = emails.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Email, r => r.Id, StringComparer.Ordinal);
    }

    public async Task<MailImportCursor?> GetCursorAsync(long userId, ImportFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        const string sql = $"""
            SELECT {CursorRow.Columns}
            FROM mail_import_cursors WHERE user_id = @userId AND folder_kind = @kind AND folder_key = @key
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { userId, kind = KindCode(folder.Kind), key = folder.Key };
        var row = await connection.QuerySingleOrDefaultAsync<CursorRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return row?.ToCursor();
    }

    public async Task RecordSuccessAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mail_import_status (user_id, last_attempt_at, last_success_at) VALUES (@userId, @at, @at)
            ON CONFLICT (user_id) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at, last_success_at = EXCLUDED.last_success_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, at }, cancellationToken: cancellationToken));
    }

    public async Task RecordFailureAsync(long userId, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mail_import_status (user_id, last_attempt_at, last_error, last_error_at) VALUES (@userId, @at, @error, @at)
            ON CONFLICT (user_id) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at, last_error = EXCLUDED.last_error,
                                                last_error_at = EXCLUDED.last_error_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, error, at }, cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(long userId, long mailId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // One statement: the mail goes and its tombstone comes together (R23).
        const string sql = """
            WITH gone AS (
                DELETE FROM imported_mails WHERE id = @mailId AND user_id = @userId RETURNING user_id, message_id),
            stone AS (
                INSERT INTO imported_mail_tombstones (user_id, message_id, deleted_at)
                SELECT user_id, message_id, @at FROM gone
                ON CONFLICT (user_id, message_id) DO NOTHING)
            SELECT count(*) FROM gone
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { userId, mailId, at }, cancellationToken: cancellationToken)) == 1;
    }

    internal static string KindCode(MailFolderKind kind) => kind switch
    {
        MailFolderKind.Inbox => "inbox",
        MailFolderKind.Sent => "sent",
        _ => "other",
    };

    internal sealed class CursorRow
    {
        public const string Columns =
            "folder_kind, folder_key, folder_name, uid_validity, last_uid, highest_modseq, seen_count, imported_count, server_count, no_customer_count, known_count";

        public string FolderKey { get; set; } = "";
        public long ServerCount { get; set; }
        public long NoCustomerCount { get; set; }
        public long KnownCount { get; set; }
        public string FolderKind { get; set; } = "";
        public string FolderName { get; set; } = "";
        public long UidValidity { get; set; }
        public long LastUid { get; set; }
        public decimal HighestModseq { get; set; }
        public long SeenCount { get; set; }
        public long ImportedCount { get; set; }

        public MailImportCursor ToCursor() => new(
            ImportedMailRows.Folder(FolderKind), FolderName, (uint)UidValidity, (uint)LastUid, (ulong)HighestModseq, SeenCount, ImportedCount)
        {
            Key = FolderKey, ServerCount = ServerCount, NoCustomerCount = NoCustomerCount, KnownCount = KnownCount,
        };
    }
}
