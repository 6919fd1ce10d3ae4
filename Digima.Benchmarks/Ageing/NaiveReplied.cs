using Dapper;
using Digima.Core.Common;
using Digima.Core.Dashboard;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>返信あり asked of every mail of the period (a probe of its customers' reply state per
/// mail), as the dashboard did before the answer was kept on the mail: the baseline of that case,
/// and the check that the kept answer agrees with the definition (a difference fails the run).</summary>
internal static class NaiveReplied
{
    private const string Sql = """
        SELECT rep_id AS RepId, week AS Week, sum(n)::int AS Count FROM (
            SELECT m.user_id AS rep_id, date_trunc('week', m.sent_at AT TIME ZONE @zone)::date AS week, count(*) AS n
            FROM outgoing_mails m
            WHERE m.status = 'sent' AND m.sent_at >= @start AND m.sent_at < @end
              AND EXISTS (SELECT 1 FROM outgoing_mail_recipients r JOIN customer_reply_state s ON s.customer_id = r.customer_id
                          WHERE r.mail_id = m.id AND r.kind IN ('to', 'cc') AND s.last_in_at > m.sent_at)
            GROUP BY 1, 2
            UNION ALL
            SELECT i.user_id, date_trunc('week', i.mail_date AT TIME ZONE @zone)::date, count(*)
            FROM imported_mails i
            WHERE i.direction = 'sent' AND i.mail_date >= @start AND i.mail_date < @end
              AND EXISTS (SELECT 1 FROM imported_mail_customers l JOIN customer_reply_state s ON s.customer_id = l.customer_id
                          WHERE l.mail_id = i.id AND l.role IN ('to', 'cc') AND s.last_in_at > i.mail_date)
            GROUP BY 1, 2) x
        GROUP BY rep_id, week
        """;

    public static QueryCase Case(NpgsqlDataSource dataSource, IDashboardQueries queries, DashboardPeriod period, string zone)
    {
        IReadOnlyList<RepWeekCount>? product = null;
        return new QueryCase("naive 返信あり, everyone, a probe per mail", async ct =>
        {
            product ??= await queries.RepliedPerWeekAsync(period, null, zone, ct);
            var (start, end) = period.ToUtc(zone);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var naive = (await connection.QueryAsync<RepWeekCount>(new CommandDefinition(Sql, new { start, end, zone }, cancellationToken: ct))).AsList();
            if (!Sorted(naive).SequenceEqual(Sorted(product)))
            {
                throw new InvalidOperationException(
                    $"返信あり: the kept answer counts {product.Sum(r => r.Count):N0} mails, the definition {naive.Sum(r => r.Count):N0}.");
            }
        }, null);
    }

    private static IEnumerable<RepWeekCount> Sorted(IEnumerable<RepWeekCount> rows) => rows.OrderBy(r => r.RepId).ThenBy(r => r.Week);
}
