using Dapper;
using Digima.Core.Awaiting.Notices;
using Npgsql;

namespace Digima.Infrastructure.Awaiting;

internal sealed class AwaitingNoticeRepository(NpgsqlDataSource dataSource) : IAwaitingNoticeRepository
{
    public async Task<IReadOnlyList<long>> NoticeRepliesAsync(
        long userId, DateTimeOffset importedSince, DateTimeOffset receivedSince, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The received mail this sync stored (imported_mails_user_imported), whether or not the sync
        // got to the end; of each customer, the rep's own copy of their newest mail (another rep may
        // hold the copy the state row names), still unanswered. Once per mail: the unique key
        // notifications_reply_once.
        const string sql = """
            INSERT INTO notifications (user_id, kind, customer_id, imported_mail_id, subject, party, created_at)
            SELECT @userId, 'customerreplied', c.id, m.id, COALESCE(m.subject, ''), btrim(c.last_name || ' ' || c.first_name), @at
            FROM (SELECT DISTINCT ON (l.customer_id) l.customer_id, m.id, m.subject
                  FROM imported_mails m
                  JOIN imported_mail_customers l ON l.mail_id = m.id AND l.role = 'from'
                  JOIN customer_reply_state s ON s.customer_id = l.customer_id AND s.waiting AND s.last_in_at = m.mail_date
                  WHERE m.user_id = @userId AND m.direction = 'received' AND m.imported_at >= @importedSince
                    AND COALESCE(m.arrived_at, m.mail_date) >= @receivedSince
                  ORDER BY l.customer_id, m.id) m
            JOIN customers c ON c.id = m.customer_id
            WHERE COALESCE((SELECT ns.notify_on_reply FROM notification_settings ns WHERE ns.user_id = @userId), true)
            ORDER BY m.customer_id
            ON CONFLICT (user_id, imported_mail_id) WHERE kind = 'customerreplied' DO NOTHING
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            sql, new { userId, importedSince, receivedSince, at }, cancellationToken: cancellationToken));
        return ids.AsList();
    }

    public async Task<IReadOnlyList<SummaryCandidate>> ListSummaryCandidatesAsync(CancellationToken cancellationToken)
    {
        // The EXISTS is one probe of the waiting_rep partial index; the latest summary one of
        // notifications_summary_once.
        const string sql = """
            SELECT u.id AS user_id, u.time_zone_id,
                   (SELECT max(n.local_date) FROM notifications n WHERE n.user_id = u.id AND n.kind = 'awaitingsummary') AS last_summary_on
            FROM users u
            LEFT JOIN notification_settings ns ON ns.user_id = u.id
            WHERE u.is_active AND COALESCE(ns.awaiting_summary, true)
              AND EXISTS (SELECT 1 FROM customer_reply_state s WHERE s.waiting AND s.last_in_user_id = u.id)
            ORDER BY u.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long UserId, string TimeZoneId, DateOnly? LastSummaryOn)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new SummaryCandidate(r.UserId, r.TimeZoneId, r.LastSummaryOn)).ToList();
    }

    public async Task<long?> InsertSummaryAsync(long userId, DateOnly localDate, DateTimeOffset receivedBefore, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Counted and inserted in one statement; nothing when nobody waits that long. Once per rep
        // and local date: the unique key notifications_summary_once.
        const string sql = """
            INSERT INTO notifications (user_id, kind, customer_id, subject, party, item_count, local_date, created_at)
            SELECT @userId, 'awaitingsummary', o.customer_id, '', btrim(c.last_name || ' ' || c.first_name), w.n, @localDate, @at
            FROM (SELECT count(*)::int AS n FROM customer_reply_state
                  WHERE waiting AND last_in_user_id = @userId AND last_in_at < @receivedBefore) w
            CROSS JOIN LATERAL (
                SELECT customer_id FROM customer_reply_state
                WHERE waiting AND last_in_user_id = @userId AND last_in_at < @receivedBefore
                ORDER BY last_in_at, customer_id
                LIMIT 1) o
            JOIN customers c ON c.id = o.customer_id
            WHERE w.n > 0
            ON CONFLICT (user_id, local_date) WHERE kind = 'awaitingsummary' DO NOTHING
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            sql, new { userId, localDate, receivedBefore, at }, cancellationToken: cancellationToken));
    }
}
