using Dapper;
using Digima.Core.Awaiting;
using Npgsql;

namespace Digima.Infrastructure.Awaiting;

internal sealed class AwaitingReplyQueries(NpgsqlDataSource dataSource) : IAwaitingReplyQueries
{
    private const string Columns = """
        s.customer_id, btrim(c.last_name || ' ' || c.first_name) AS customer_name, c.company, s.last_in_at AS received_at,
        s.last_in_mail_id AS imported_mail_id, m.message_id, COALESCE(m.subject, '') AS subject, COALESCE(m.is_private, false) AS is_private,
        s.last_in_user_id AS rep_user_id, COALESCE(u.display_name, '') AS rep_name, t.id AS timeline_item_id
        """;

    // The timeline row of a mail is per Message-ID: it may be another rep's copy of the same mail.
    private const string Joins = """
        JOIN customers c ON c.id = s.customer_id
        LEFT JOIN imported_mails m ON m.id = s.last_in_mail_id
        LEFT JOIN users u ON u.id = s.last_in_user_id
        LEFT JOIN customer_timeline t ON t.customer_id = s.customer_id AND t.message_id = m.message_id
        """;

    // Two statements, not one with "@rep IS NULL OR": each keeps a fixed shape that its own partial
    // index serves as one range scan (waiting_rep, waiting_all); the joins touch only the page. An
    // age filter (the dashboard's bars) narrows the same range; without one its ends are infinite.
    private const string ForRep = $"""
        SELECT {Columns}
        FROM (SELECT * FROM customer_reply_state WHERE waiting AND last_in_user_id = @rep AND (last_in_at, customer_id) > (@afterAt, @afterId) AND last_in_at >= @start AND last_in_at < @end
              ORDER BY last_in_at, customer_id LIMIT @limit) s
        {Joins}
        ORDER BY s.last_in_at, s.customer_id
        """;

    private const string ForEveryone = $"""
        SELECT {Columns}
        FROM (SELECT * FROM customer_reply_state WHERE waiting AND (last_in_at, customer_id) > (@afterAt, @afterId) AND last_in_at >= @start AND last_in_at < @end
              ORDER BY last_in_at, customer_id LIMIT @limit) s
        {Joins}
        ORDER BY s.last_in_at, s.customer_id
        """;

    private const string OfCustomers = $"""
        SELECT {Columns}
        FROM customer_reply_state s
        {Joins}
        WHERE s.customer_id = ANY(@ids) AND s.waiting
        """;

    public async Task<IReadOnlyList<AwaitingReplyRecord>> ListAsync(long? repUserId, AwaitingReplyCursor? after, int limit, CancellationToken cancellationToken,
        (DateTimeOffset Start, DateTimeOffset End)? receivedWithin = null)
    {
        // The first page starts before any mail: the same statement as every later page.
        var afterAt = after?.ReceivedAt ?? DateTimeOffset.MinValue;
        var afterId = after?.CustomerId ?? 0L;
        var start = receivedWithin?.Start ?? DateTimeOffset.MinValue;
        var end = receivedWithin?.End ?? DateTimeOffset.MaxValue;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = repUserId is { } rep
            ? new CommandDefinition(ForRep, new { rep, afterAt, afterId, start, end, limit }, cancellationToken: cancellationToken)
            : new CommandDefinition(ForEveryone, new { afterAt, afterId, start, end, limit }, cancellationToken: cancellationToken);
        return (await connection.QueryAsync<AwaitingReplyRecord>(command)).AsList();
    }

    public async Task<IReadOnlyList<AwaitingReplyRecord>> FindAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = new CommandDefinition(OfCustomers, new { ids = customerIds.ToArray() }, cancellationToken: cancellationToken);
        return (await connection.QueryAsync<AwaitingReplyRecord>(command)).AsList();
    }
}
