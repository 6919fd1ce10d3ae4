using Dapper;
using Digima.Core.Dashboard;
using Npgsql;

namespace Digima.Infrastructure.Dashboard;

/// <summary>The dashboard's reads. Each statement scans one time range of one partial index
/// (migration 2026-12-08-1700) and groups by rep and week in SQL, so only the counts leave the
/// database. The rep filter is "@rep = 0 OR user_id = @rep" on purpose: the range is on time, the
/// rep only a filter on the scanned entries, so one fixed statement serves both.</summary>
internal sealed partial class DashboardQueries(NpgsqlDataSource dataSource) : IDashboardQueries
{
    public async Task<IReadOnlyList<RepWeekSent>> SentPerWeekAsync(DashboardPeriod period, long? repId, string timeZoneId, CancellationToken cancellationToken)
    {
        // Mail from the rep's own client is imported only when exchanged with a customer; it
        // counts when a customer is in To or Cc (sent to them, not only about them in Bcc). The
        // Sent copies of app mail are never imported, so nothing is counted twice.
        const string sql = $"""
            SELECT rep_id, week, sum(app)::int AS app_sent, sum(client)::int AS client_sent FROM (
                SELECT m.user_id AS rep_id, {AppWeek} AS week, count(*) AS app, 0 AS client
                FROM outgoing_mails m
                WHERE m.status = 'sent' AND m.sent_at >= @start AND m.sent_at < @end AND (@rep = 0 OR m.user_id = @rep)
                GROUP BY 1, 2
                UNION ALL
                SELECT i.user_id, {ClientWeek}, 0, count(*)
                FROM imported_mails i
                WHERE i.direction = 'sent' AND i.mail_date >= @start AND i.mail_date < @end AND (@rep = 0 OR i.user_id = @rep)
                  AND EXISTS (SELECT 1 FROM imported_mail_customers l WHERE l.mail_id = i.id AND l.role IN ('to', 'cc'))
                GROUP BY 1, 2) x
            GROUP BY rep_id, week
            """;
        return await QueryAsync<RepWeekSent>(sql, period, repId, timeZoneId, cancellationToken);
    }

    public async Task<IReadOnlyList<RepWeekTracking>> TrackingPerWeekAsync(DashboardPeriod period, long? repId, string timeZoneId, CancellationToken cancellationToken)
    {
        // The events since the period began, folded per mail, then joined to the period's tracked
        // mail: the work follows the period, not all mail (one probe per mail was 2-5x slower on
        // the synthetic data of decision 0021). A mail opened by a person counts as 開封 even if a
        // proxy fetched it too; 自動開封 is a mail fetched only by machines (AutomatedFetchRules);
        // a scanner's click is not a click.
        const string sql = $"""
            WITH e AS (
                SELECT t.mail_id,
                       bool_or(t.kind = 'open' AND NOT t.probably_automated) AS human_open,
                       bool_or(t.kind = 'open' AND t.probably_automated) AS auto_open,
                       bool_or(t.kind = 'click' AND NOT t.probably_automated) AS human_click
                FROM tracking_events t WHERE t.occurred_at >= @start
                GROUP BY t.mail_id)
            SELECT m.user_id AS rep_id, {AppWeek} AS week,
                   count(*) FILTER (WHERE m.open_tracking)::int AS open_tracked,
                   count(*) FILTER (WHERE e.human_open)::int AS opened,
                   count(*) FILTER (WHERE e.auto_open AND NOT e.human_open)::int AS auto_opened_only,
                   count(*) FILTER (WHERE e.human_click)::int AS clicked
            FROM outgoing_mails m
            LEFT JOIN e ON e.mail_id = m.id
            WHERE m.status = 'sent' AND m.sent_at >= @start AND m.sent_at < @end AND (@rep = 0 OR m.user_id = @rep)
              AND (m.open_tracking OR m.click_tracking)
            GROUP BY 1, 2
            """;
        return await QueryAsync<RepWeekTracking>(sql, period, repId, timeZoneId, cancellationToken);
    }

    public async Task<IReadOnlyList<RepWeekCount>> RepliedPerWeekAsync(DashboardPeriod period, long? repId, string timeZoneId, CancellationToken cancellationToken)
    {
        // Whether a customer wrote after a mail is kept on the mail (replied, by the triggers of
        // migration 2110): a range of a partial index, like 送信.
        const string sql = $"""
            SELECT rep_id, week, sum(n)::int AS count FROM (
                SELECT m.user_id AS rep_id, {AppWeek} AS week, count(*) AS n
                FROM outgoing_mails m
                WHERE m.status = 'sent' AND m.replied AND m.sent_at >= @start AND m.sent_at < @end AND (@rep = 0 OR m.user_id = @rep)
                GROUP BY 1, 2
                UNION ALL
                SELECT i.user_id, {ClientWeek}, count(*)
                FROM imported_mails i
                WHERE i.direction = 'sent' AND i.replied AND i.mail_date >= @start AND i.mail_date < @end AND (@rep = 0 OR i.user_id = @rep)
                GROUP BY 1, 2) x
            GROUP BY rep_id, week
            """;
        return await QueryAsync<RepWeekCount>(sql, period, repId, timeZoneId, cancellationToken);
    }

    private const string AppWeek = "date_trunc('week', m.sent_at AT TIME ZONE @zone)::date";
    private const string ClientWeek = "date_trunc('week', i.mail_date AT TIME ZONE @zone)::date";

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, DashboardPeriod period, long? repId, string zone, CancellationToken cancellationToken)
    {
        var (start, end) = period.ToUtc(zone);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { start, end, rep = repId ?? 0L, zone };
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).AsList();
    }
}
