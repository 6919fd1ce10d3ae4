using Dapper;
using Npgsql;

namespace Digima.Benchmarks.Timeline;

/// <summary>The OFFSET-paged ways to read the same page, timed in the same run: (1) OFFSET over
/// the same customer_timeline index, (2) what a timeline without its own table does: the union of
/// the outbox and the imported mail of the customer, sorted, OFFSET.</summary>
internal static class OffsetBaseline
{
    public const string SameIndex = """
        SELECT t.id, t.occurred_at, COALESCE(o.subject, i.subject, '') AS subject
        FROM (SELECT * FROM customer_timeline WHERE customer_id = @customerId
              ORDER BY occurred_at DESC, id DESC OFFSET @offset LIMIT @limit) t
        LEFT JOIN outgoing_mails o ON o.id = t.outgoing_mail_id
        LEFT JOIN imported_mails i ON i.id = t.imported_mail_id
        ORDER BY t.occurred_at DESC, t.id DESC
        """;

    public const string Union = """
        SELECT id, at, subject, left(body_text, 300) AS preview FROM (
            SELECT m.id, m.created_at AS at, m.subject, m.body_text
            FROM outgoing_mail_recipients r JOIN outgoing_mails m ON m.id = r.mail_id WHERE r.customer_id = @customerId
            UNION ALL
            SELECT m.id, m.mail_date, m.subject, m.body_text
            FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id WHERE l.customer_id = @customerId
        ) x
        ORDER BY at DESC, id DESC OFFSET @offset LIMIT @limit
        """;

    public static async Task<double> TimeAsync(NpgsqlDataSource dataSource, string sql, int offset, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = (await connection.QueryAsync(sql, new { customerId = TimelineBulkLoad.HotCustomerId, offset, limit })).AsList();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return rows.Count == limit ? elapsed : throw new InvalidOperationException($"OFFSET {offset} returned {rows.Count} rows.");
    }
}
