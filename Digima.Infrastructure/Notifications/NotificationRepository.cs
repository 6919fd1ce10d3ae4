using Dapper;
using Digima.Core.Notifications;
using Npgsql;

namespace Digima.Infrastructure.Notifications;

internal sealed class NotificationRepository(NpgsqlDataSource dataSource) : INotificationRepository
{
    public async Task<long> InsertAsync(Notification notification, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO notifications (user_id, kind, mail_id, customer_id, subject, party, created_at)
            VALUES (@UserId, @Kind, @MailId, @CustomerId, @Subject, @Party, @CreatedAt)
            RETURNING id
            """;
        var n = notification;
        var parameters = new { n.UserId, Kind = n.Kind.ToString().ToLowerInvariant(), n.MailId, n.CustomerId, n.Subject, n.Party, n.CreatedAt };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public async Task<NotificationList> ListAsync(long userId, int limit, CancellationToken cancellationToken)
    {
        // The unread count rides along on every row (a window over the whole user's set would not
        // be limited), so one statement answers both.
        const string sql = """
            SELECT n.id, n.user_id, n.kind, n.mail_id, n.customer_id, n.imported_mail_id, n.item_count, n.subject, n.party, n.created_at, n.read_at,
                   (SELECT count(*)::int FROM notifications u WHERE u.user_id = @userId AND u.read_at IS NULL) AS unread_count
            FROM notifications n
            WHERE n.user_id = @userId
            ORDER BY n.created_at DESC, n.id DESC
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, new { userId, limit }, cancellationToken: cancellationToken))).AsList();
        return new NotificationList(rows.Select(r => r.ToNotification()).ToList(), rows.Count == 0 ? 0 : rows[0].UnreadCount);
    }

    public async Task MarkReadAsync(long userId, long? id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE notifications SET read_at = @at WHERE user_id = @userId AND read_at IS NULL AND (@id::bigint IS NULL OR id = @id)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, id, at }, cancellationToken: cancellationToken));
    }

    public async Task<NotificationSettings> GetSettingsAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT email_on_open, notify_on_reply, awaiting_summary FROM notification_settings WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        // Never saved: the record's defaults, which the columns' defaults repeat.
        return row is null ? new NotificationSettings(false) : new NotificationSettings(row.EmailOnOpen, row.NotifyOnReply, row.AwaitingSummary);
    }

    public async Task SaveSettingsAsync(long userId, NotificationSettings settings, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO notification_settings (user_id, email_on_open, notify_on_reply, awaiting_summary)
            VALUES (@userId, @EmailOnOpen, @NotifyOnReply, @AwaitingSummary)
            ON CONFLICT (user_id) DO UPDATE SET email_on_open = EXCLUDED.email_on_open, notify_on_reply = EXCLUDED.notify_on_reply,
                                                awaiting_summary = EXCLUDED.awaiting_summary
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { userId, settings.EmailOnOpen, settings.NotifyOnReply, settings.AwaitingSummary };
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    private sealed record SettingsRow(bool EmailOnOpen, bool NotifyOnReply, bool AwaitingSummary);

    private sealed record Row
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public NotificationKind Kind { get; init; }
        public long? MailId { get; init; }
        public long? CustomerId { get; init; }
        public long? ImportedMailId { get; init; }
        public int? ItemCount { get; init; }
        public string Subject { get; init; } = "";
        public string Party { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ReadAt { get; init; }
        public int UnreadCount { get; init; }

        public Notification ToNotification() => new()
        {
            Id = Id, UserId = UserId, Kind = Kind, MailId = MailId, CustomerId = CustomerId, ImportedMailId = ImportedMailId, ItemCount = ItemCount,
            Subject = Subject, Party = Party,
            CreatedAt = CreatedAt, ReadAt = ReadAt,
        };
    }
}
