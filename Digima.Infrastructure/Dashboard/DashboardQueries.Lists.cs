using Dapper;
using Digima.Core.Dashboard;

namespace Digima.Infrastructure.Dashboard;

/// <summary>The dashboard's reads that are not per week: 返信待ちの経過 and 保留・失敗.</summary>
internal sealed partial class DashboardQueries
{
    public async Task<IReadOnlyList<WaitingDay>> WaitingPerDayAsync(long? repId, string timeZoneId, CancellationToken cancellationToken)
    {
        // The waiting customers are the partial index customer_reply_state_waiting_all; only the
        // days leave the database, the business-day ages are counted per day in Core.
        const string sql = """
            SELECT last_in_user_id AS rep_id, (last_in_at AT TIME ZONE @zone)::date AS day, count(*)::int AS count
            FROM customer_reply_state
            WHERE waiting AND (@rep = 0 OR last_in_user_id = @rep)
            GROUP BY 1, 2
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { rep = repId ?? 0L, zone = timeZoneId };
        return (await connection.QueryAsync<WaitingDay>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<ProblemMailPage> ListProblemMailAsync(DashboardPeriod period, long? repId, string timeZoneId, int limit, CancellationToken cancellationToken)
    {
        // A held mail records when it was held in failed_at, as a failed one does.
        const string sql = """
            SELECT m.id AS mail_id, m.user_id AS rep_id, COALESCE(u.display_name, '') AS rep_name, m.status, m.subject,
                   COALESCE(CASE WHEN m.status = 'held' THEN m.held_reason ELSE m.error END, '') AS reason, m.failed_at AS at,
                   c.customer_id, COALESCE(c.display_name, '') AS customer_name, count(*) OVER () AS total_count
            FROM outgoing_mails m
            LEFT JOIN users u ON u.id = m.user_id
            LEFT JOIN LATERAL (
                SELECT r.customer_id, r.display_name FROM outgoing_mail_recipients r
                WHERE r.mail_id = m.id AND r.customer_id IS NOT NULL ORDER BY r.position LIMIT 1) c ON true
            WHERE m.status IN ('held', 'failed') AND m.failed_at >= @start AND m.failed_at < @end AND (@rep = 0 OR m.user_id = @rep)
            ORDER BY m.failed_at DESC, m.id DESC
            LIMIT @limit
            """;
        var (start, end) = period.ToUtc(timeZoneId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { start, end, rep = repId ?? 0L, limit };
        var rows = (await connection.QueryAsync<ProblemMail, long, (ProblemMail Mail, long Total)>(
            new CommandDefinition(sql, args, cancellationToken: cancellationToken), (mail, total) => (mail, total), splitOn: "total_count")).AsList();
        return new ProblemMailPage(rows.Select(r => r.Mail).ToList(), rows.Count == 0 ? 0 : (int)rows[0].Total);
    }
}
