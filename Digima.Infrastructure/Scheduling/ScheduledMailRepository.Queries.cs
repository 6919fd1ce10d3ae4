using Dapper;
using Digima.Core.Common;
using Digima.Core.Sending;
using Digima.Infrastructure.Sending;

namespace Digima.Infrastructure.Scheduling;

internal sealed partial class ScheduledMailRepository
{
    public async Task<IReadOnlyList<(long Id, DateTimeOffset DueAt)>> ListDueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, COALESCE(send_after, scheduled_at) AS due_at FROM outgoing_mails
            WHERE status = 'scheduled' AND COALESCE(send_after, scheduled_at) < @before
            ORDER BY COALESCE(send_after, scheduled_at), id
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(sql, new { before, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Id, r.DueAt)).ToList();
    }

    public async Task<IReadOnlyList<OutgoingMail>> ListDueForUserAsync(long userId, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns} FROM outgoing_mails
            WHERE user_id = @userId AND status = 'scheduled' AND COALESCE(send_after, scheduled_at) <= @dueBy
            ORDER BY COALESCE(send_after, scheduled_at), id
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mails = (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(sql, new { userId, dueBy, limit }, cancellationToken: cancellationToken))).AsList();
        return await OutgoingMailRepository.WithRecipientsAsync(connection, mails, cancellationToken);
    }

    public async Task<IReadOnlyList<long>> ListDueMailboxesAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken)
    {
        // The partial index on due scheduled mail keeps this small however long the outbox grows.
        const string sql = """
            SELECT user_id FROM outgoing_mails
            WHERE status = 'scheduled' AND COALESCE(send_after, scheduled_at) <= @dueBy
            GROUP BY user_id
            ORDER BY min(COALESCE(send_after, scheduled_at)), user_id
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { dueBy, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<PagedResult<OutgoingMail>> ListForUserAsync(long userId, int offset, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}, count(*) OVER () AS total_count
            FROM outgoing_mails WHERE user_id = @userId AND status IN ('scheduled', 'held')
            ORDER BY scheduled_at, id
            LIMIT @limit OFFSET @offset
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutgoingMail, long, (OutgoingMail Mail, long Total)>(
            new CommandDefinition(sql, new { userId, limit, offset }, cancellationToken: cancellationToken),
            (mail, total) => (mail, total), splitOn: "total_count")).AsList();
        var mails = await OutgoingMailRepository.WithRecipientsAsync(connection, rows.Select(r => r.Mail).ToList(), cancellationToken);
        return new PagedResult<OutgoingMail>(mails, rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    private sealed class DueRow
    {
        public long Id { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }
}
