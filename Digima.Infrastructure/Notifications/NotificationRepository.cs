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
            SELECT n.id, n.user_id, n.kind, n.mail_id, n.customer_id, n.subject, n.party, n.created_at, n.read_at,
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
        const string sql = "SELECT email_on_open FROM notification_settings WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var emailOnOpen = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return new NotificationSettings(emailOnOpen ?? false);
    }

    public async Task SaveSettingsAsync(long userId, NotificationSettings settings, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO notification_settings (user_id, email_on_open) VALUES (@userId, @EmailOnOpen)
            ON CONFLICT (user_id) DO UPDATE SET email_on_open = EXCLUDED.email_on_open
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, settings.EmailOnOpen }, cancellationToken: cancellationToken));
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public NotificationKind Kind { get; init; }
        public long? MailId { get; init; }
        public long? CustomerId { get; init; }
        public string Subject { get; init; } = "";
        public string Party { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ReadAt { get; init; }
        public int UnreadCount { get; init; }

        public Notification ToNotification() => new()
        {
            Id = Id, UserId = UserId, Kind = Kind, MailId = MailId, CustomerId = CustomerId, Subject = Subject, Party = Party,
            CreatedAt = CreatedAt, ReadAt = ReadAt,
        };
    }
}
