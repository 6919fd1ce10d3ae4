using System.Globalization;
using Dapper;
using Digima.Core.Timeline;
using Npgsql;
using static Digima.Infrastructure.Timeline.TimelineSql;

namespace Digima.Infrastructure.Timeline;

internal sealed class TimelineQueries(NpgsqlDataSource dataSource) : ITimelineQueries
{
    // The inner query is one range scan of customer_timeline_page; the joins touch only the page.
    internal const string FirstPage = $"""
        SELECT {ItemColumns}
        FROM (SELECT * FROM customer_timeline WHERE customer_id = @customerId
              ORDER BY occurred_at DESC, id DESC LIMIT @limit) t
        {Joins}
        ORDER BY t.occurred_at DESC, t.id DESC
        """;

    internal const string NextPage = $"""
        SELECT {ItemColumns}
        FROM (SELECT * FROM customer_timeline WHERE customer_id = @customerId AND (occurred_at, id) < (@afterAt, @afterId)
              ORDER BY occurred_at DESC, id DESC LIMIT @limit) t
        {Joins}
        ORDER BY t.occurred_at DESC, t.id DESC
        """;

    // Each Message-ID once: the app's own row if it wrote the mail, else the first imported copy.
    // Direction is the rep's: sent by a rep (app or own client) is 'out'. {0} names the thread.
    private const string ThreadOf = $$"""
        SELECT 0 AS id, th.mail_date AS occurred_at, th.message_id, th.thread_id, o.id AS outgoing_mail_id, i.id AS imported_mail_id,
               CASE WHEN o.id IS NOT NULL OR i.direction = 'sent' THEN 'out' ELSE 'in' END AS direction,
               {{MailColumns}}, {{BodyColumns}}
        FROM mail_threads th
        LEFT JOIN outgoing_mails o ON o.message_id = th.message_id
        LEFT JOIN LATERAL (SELECT * FROM imported_mails x WHERE x.message_id = th.message_id AND o.id IS NULL ORDER BY x.id LIMIT 1) i ON true
        LEFT JOIN customer_events e ON false
        LEFT JOIN outgoing_mails eo ON false
        LEFT JOIN users u ON u.id = COALESCE(o.user_id, i.user_id)
        WHERE th.thread_id = {0} AND (o.id IS NOT NULL OR i.id IS NOT NULL)
        ORDER BY th.mail_date DESC, th.message_id
        LIMIT @limit
        """;

    internal static readonly string Thread = string.Format(CultureInfo.InvariantCulture, ThreadOf, "@threadId");

    // The same thread, found from one of its mails (the mailbox preview).
    private static readonly string ThreadOfMessage =
        string.Format(CultureInfo.InvariantCulture, ThreadOf, "(SELECT t.thread_id FROM mail_threads t WHERE t.message_id = @messageId)");

    public async Task<IReadOnlyList<TimelineItem>> ListAsync(long customerId, TimelinePageKey? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = after is null
            ? new CommandDefinition(FirstPage, new { customerId, limit }, cancellationToken: cancellationToken)
            : new CommandDefinition(NextPage, new { customerId, limit, afterAt = after.OccurredAt, afterId = after.Id }, cancellationToken: cancellationToken);
        return (await connection.QueryAsync<TimelineRow>(command)).Select(r => r.ToItem()).ToList();
    }

    public async Task<IReadOnlyList<TimelineItem>> ListAddedAfterAsync(long customerId, long afterId, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {ItemColumns}
            FROM (SELECT * FROM customer_timeline WHERE customer_id = @customerId AND id > @afterId ORDER BY id LIMIT @limit) t
            {Joins}
            ORDER BY t.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TimelineRow>(new CommandDefinition(sql, new { customerId, afterId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToItem()).ToList();
    }

    public async Task<TimelineMail?> GetMailAsync(long customerId, long itemId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {ItemColumns}, {BodyColumns}
            FROM customer_timeline t
            {Joins}
            WHERE t.customer_id = @customerId AND t.id = @itemId AND t.event_id IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TimelineRow>(new CommandDefinition(sql, new { customerId, itemId }, cancellationToken: cancellationToken));
        return row?.ToMail();
    }

    public async Task<IReadOnlyList<TimelineMail>> ListThreadAsync(string threadId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TimelineRow>(new CommandDefinition(Thread, new { threadId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMail()).ToList();
    }

    public async Task<IReadOnlyList<TimelineMail>> ListThreadOfAsync(string messageId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TimelineRow>(new CommandDefinition(ThreadOfMessage, new { messageId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMail()).ToList();
    }
}
