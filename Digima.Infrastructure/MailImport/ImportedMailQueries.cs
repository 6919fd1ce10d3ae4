using Dapper;
using Digima.Core.MailImport;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

/// <summary>Reads imported mail for pages: keyset paging on (mail_date, id), fixed statement
/// shapes so one generic plan serves every page and search.</summary>
internal sealed class ImportedMailQueries(NpgsqlDataSource dataSource) : IImportedMailQueries
{
    public async Task<IReadOnlyList<ImportedMailRow>> ListAsync(
        long ownerUserId, MailDirection direction, string? search, MailPageKey? after, int limit, MailPeriod? period, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {ImportedMailRows.ListColumns}
            FROM imported_mails m
            {ImportedMailRows.ListCustomerJoin}
            WHERE m.user_id = @ownerUserId AND m.direction = @direction AND m.mail_date >= @from AND m.mail_date < @to
              AND (CAST(@afterDate AS timestamptz) IS NULL OR (m.mail_date, m.id) < (@afterDate, @afterId))
              AND (CAST(@pattern AS text) IS NULL OR m.subject ILIKE @pattern OR m.from_address ILIKE @pattern
                   OR m.from_name ILIKE @pattern OR m.snippet ILIKE @pattern OR m.to_list::text ILIKE @pattern)
            ORDER BY m.mail_date DESC, m.id DESC
            LIMIT @limit
            """;
        var args = new
        {
            ownerUserId,
            direction = direction == MailDirection.Sent ? "sent" : "received",
            afterDate = after?.MailDate,
            afterId = after?.Id ?? 0,
            from = period?.From ?? DateTimeOffset.MinValue,
            to = period?.To ?? DateTimeOffset.MaxValue,
            pattern = search is null ? null : "%" + EscapeLike(search) + "%",
            limit,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportedMailRows.ListRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRow()).ToList();
    }

    public async Task<ImportedMail?> GetAsync(long mailId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {ImportedMailRows.FullColumns} FROM imported_mails m WHERE m.id = @mailId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportedMailRows.FullRow>(new CommandDefinition(sql, new { mailId }, cancellationToken: cancellationToken));
        return row?.ToMail();
    }

    public async Task<IReadOnlyList<ImportedMailRow>> ListForCustomerAsync(long customerId, long? ownerUserId, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {ImportedMailRows.ListColumns} FROM imported_mails m
            {ImportedMailRows.ListCustomerJoin}
            WHERE EXISTS (SELECT 1 FROM imported_mail_customers l WHERE l.mail_id = m.id AND l.customer_id = @customerId)
              AND (CAST(@ownerUserId AS bigint) IS NULL OR m.user_id = @ownerUserId)
            ORDER BY m.mail_date DESC, m.id DESC LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportedMailRows.ListRow>(new CommandDefinition(sql, new { customerId, ownerUserId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRow()).ToList();
    }

    public async Task<MailboxSyncStatus?> GetStatusAsync(long userId, CancellationToken cancellationToken)
    {
        const string status = "SELECT last_attempt_at, last_success_at, last_error, last_error_at FROM mail_import_status WHERE user_id = @userId";
        const string cursors = $"""
            SELECT {ImportedMailRepository.CursorRow.Columns}
            FROM mail_import_cursors WHERE user_id = @userId ORDER BY folder_kind, folder_key
            """;
        // Counted per folder and reason on the (small) skipped table's primary key, for the folder's
        // current UIDVALIDITY: rows of an older one name messages the folder no longer has.
        const string counts = """
            SELECT s.folder_kind, s.folder_key, s.reason_code, count(*)::int AS count
            FROM mail_import_skipped s
            JOIN mail_import_cursors c ON c.user_id = s.user_id AND c.folder_kind = s.folder_kind AND c.folder_key = s.folder_key
                                      AND c.uid_validity = s.uid_validity
            WHERE s.user_id = @userId
            GROUP BY s.folder_kind, s.folder_key, s.reason_code
            """;
        const string skipped = $"""
            SELECT {SkippedColumns} FROM mail_import_skipped
            WHERE user_id = @userId ORDER BY skipped_at DESC, uid DESC LIMIT 50
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(new CommandDefinition(status, new { userId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var folders = await connection.QueryAsync<ImportedMailRepository.CursorRow>(new CommandDefinition(cursors, new { userId }, cancellationToken: cancellationToken));
        var reasons = await connection.QueryAsync<(string FolderKind, string FolderKey, string ReasonCode, int Count)>(
            new CommandDefinition(counts, new { userId }, cancellationToken: cancellationToken));
        var skips = await connection.QueryAsync<SkippedRow>(new CommandDefinition(skipped, new { userId }, cancellationToken: cancellationToken));
        return new MailboxSyncStatus(
            row.LastAttemptAt, row.LastSuccessAt, row.LastError, row.LastErrorAt,
            folders.Select(f => f.ToCursor()).ToList(),
            skips.Select(s => s.ToSkipped()).ToList())
        {
            SkippedCounts = reasons.Select(r => new SkippedCount(ImportFolder.Of(ImportedMailRows.Folder(r.FolderKind), r.FolderKey), r.ReasonCode, r.Count)).ToList(),
        };
    }

    public async Task<IReadOnlyList<SkippedMail>> ListSkippedAsync(
        long userId, ImportFolder folder, string reasonCode, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        const string sql = $"""
            SELECT {SkippedColumns} FROM mail_import_skipped s
            WHERE s.user_id = @userId AND s.folder_kind = @kind AND s.folder_key = @key AND s.reason_code = @reasonCode
              AND s.uid_validity = (SELECT c.uid_validity FROM mail_import_cursors c
                                    WHERE c.user_id = s.user_id AND c.folder_kind = s.folder_kind AND c.folder_key = s.folder_key)
            ORDER BY s.skipped_at DESC, s.uid DESC LIMIT @limit
            """;
        var args = new { userId, kind = ImportedMailRepository.KindCode(folder.Kind), key = folder.Key, reasonCode, limit };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SkippedRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSkipped()).ToList();
    }

    private const string SkippedColumns = "folder_kind, folder_key, uid_validity, uid, message_id, reason, reason_code, subject, from_address, skipped_at";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed class StatusRow
    {
        public DateTimeOffset? LastAttemptAt { get; set; }
        public DateTimeOffset? LastSuccessAt { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? LastErrorAt { get; set; }
    }

    private sealed class SkippedRow
    {
        public string FolderKind { get; set; } = "";
        public string FolderKey { get; set; } = "";
        public string ReasonCode { get; set; } = "";
        public string Subject { get; set; } = "";
        public string FromAddress { get; set; } = "";
        public long UidValidity { get; set; }
        public long Uid { get; set; }
        public string? MessageId { get; set; }
        public string Reason { get; set; } = "";
        public DateTimeOffset SkippedAt { get; set; }

        public SkippedMail ToSkipped() => new(ImportedMailRows.Folder(FolderKind), (uint)UidValidity, (uint)Uid, MessageId, Reason, SkippedAt)
        {
            Key = FolderKey, ReasonCode = ReasonCode, Subject = Subject, FromAddress = FromAddress,
        };
    }
}
