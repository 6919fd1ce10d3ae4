using Dapper;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>The baseline: 返信待ち computed when asked, with no helper table. The product's rule
/// (customer_reply_state_recompute): per customer their newest received mail where they are From
/// (the lowest id among mails of the same date), waiting unless a mail from us to them, To or Cc
/// (imported sent mail or app mail marked sent), is as new or newer, in any thread; OFFSET paging.</summary>
internal static class NaiveAwaiting
{
    private const string Waiting = """
        SELECT i.customer_id, i.mail_date FROM (
            SELECT DISTINCT ON (l.customer_id) l.customer_id, m.mail_date, m.user_id
            FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id
            WHERE l.role = 'from' AND m.direction = 'received'
            ORDER BY l.customer_id, m.mail_date DESC, m.id) i
        WHERE NOT EXISTS (
                SELECT 1 FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id
                WHERE l.customer_id = i.customer_id AND l.role IN ('to', 'cc') AND m.direction = 'sent' AND m.mail_date >= i.mail_date)
          AND NOT EXISTS (
                SELECT 1 FROM outgoing_mail_recipients r JOIN outgoing_mails s ON s.id = r.mail_id
                WHERE r.customer_id = i.customer_id AND r.kind IN ('to', 'cc') AND s.status = 'sent' AND s.sent_at >= i.mail_date)
        """;

    private const string Everyone = Waiting + "\nORDER BY i.mail_date, i.customer_id OFFSET @offset LIMIT @limit";

    private const string ForRep = Waiting + "\n  AND i.user_id = @rep\nORDER BY i.mail_date, i.customer_id OFFSET @offset LIMIT @limit";

    private const string Count = "SELECT count(*) FROM (\n" + Waiting + ") w";

    /// <summary>The customer ids of one page, oldest first.</summary>
    /// <param name="rep">One rep's mailbox, or null for everyone's.</param>
    public static async Task<IReadOnlyList<long>> PageAsync(NpgsqlDataSource dataSource, long? rep, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = rep is null
            ? new CommandDefinition(Everyone, new { offset, limit }, commandTimeout: 0, cancellationToken: cancellationToken)
            : new CommandDefinition(ForRep, new { rep, offset, limit }, commandTimeout: 0, cancellationToken: cancellationToken);
        return (await connection.QueryAsync<(long CustomerId, DateTime At)>(command)).Select(r => r.CustomerId).ToList();
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(Count, commandTimeout: 0));
    }

    /// <summary>The plan of the everyone's page once (its scans, joins and sorts), so the report shows where its time goes.</summary>
    public static async Task PrintPlanAsync(NpgsqlDataSource dataSource, int offset, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var plan = await connection.QueryAsync<string>(
            new CommandDefinition("EXPLAIN (ANALYZE, COSTS OFF) " + Everyone, new { offset, limit }, commandTimeout: 0));
        Console.WriteLine($"-- naive, everyone's page at OFFSET {offset:N0}");
        foreach (var line in plan.Where(l => l.Contains("Scan", StringComparison.Ordinal) || l.Contains("Sort", StringComparison.Ordinal)
                     || l.Contains("Join", StringComparison.Ordinal) || l.Contains(" Time", StringComparison.Ordinal)))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
    }
}
