using Dapper;
using Digima.Core.MailImport.Backfill;
using Npgsql;

namespace Digima.Infrastructure.MailImport.Backfill;

internal sealed class MailBackfillRepository(NpgsqlDataSource dataSource) : IMailBackfillRepository
{
    public async Task<IReadOnlyList<MailBackfillRequest>> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        // The oldest open request picks the mailbox (SKIP LOCKED: another node takes another);
        // every open request of that mailbox is taken with it, to share one login and lock. A row
        // another node takes meanwhile is re-checked by the UPDATE and left to it.
        const string sql = """
            WITH first AS (
                SELECT user_id FROM mail_backfills
                WHERE (state = 'queued' AND not_before <= now()) OR (state = 'running' AND lease_until < now())
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE mail_backfills b SET state = 'running', lease_until = now() + @lease
            FROM first
            WHERE b.user_id = first.user_id
              AND ((b.state = 'queued' AND b.not_before <= now()) OR (b.state = 'running' AND b.lease_until < now()))
            RETURNING b.id, b.user_id, b.customer_id, b.address, b.since
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RequestRow>(new CommandDefinition(sql, new { lease }, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id).Select(r => new MailBackfillRequest(r.Id, r.UserId, r.CustomerId, r.Address, r.Since)).ToList();
    }

    public async Task RenewAsync(IReadOnlyCollection<long> ids, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE mail_backfills SET lease_until = now() + @lease WHERE id = ANY(@ids) AND state = 'running'";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { ids = ids.ToArray(), lease }, cancellationToken: cancellationToken));
    }

    public async Task PostponeAsync(IReadOnlyCollection<long> ids, TimeSpan delay, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mail_backfills SET state = 'queued', lease_until = NULL, not_before = now() + @delay
            WHERE id = ANY(@ids) AND state = 'running'
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { ids = ids.ToArray(), delay }, cancellationToken: cancellationToken));
    }

    public async Task FinishAsync(long id, int imported, string? error, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mail_backfills
            SET state = CASE WHEN @error IS NULL THEN 'done' ELSE 'failed' END, imported = @imported, error = @error,
                lease_until = NULL, finished_at = now()
            WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, imported, error }, cancellationToken: cancellationToken));
    }

    public async Task<long> RequestMailboxAsync(long userId, DateTimeOffset since, long requestedBy, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO mail_backfills (user_id, since, requested_by) VALUES (@userId, @since, @requestedBy) RETURNING id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { userId, since, requestedBy }, cancellationToken: cancellationToken));
    }

    public async Task<CustomerBackfillProgress?> GetCustomerProgressAsync(long customerId, CancellationToken cancellationToken)
    {
        // The requests of one address change share their transaction's requested_at.
        const string sql = """
            SELECT count(*)::int AS mailboxes, count(*) FILTER (WHERE state IN ('done', 'failed'))::int AS done, coalesce(sum(imported), 0)::int AS imported
            FROM mail_backfills
            WHERE customer_id = @customerId
              AND requested_at = (SELECT max(requested_at) FROM mail_backfills WHERE customer_id = @customerId)
            HAVING count(*) > 0
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProgressRow>(new CommandDefinition(sql, new { customerId }, cancellationToken: cancellationToken));
        return row is null ? null : new CustomerBackfillProgress(row.Mailboxes, row.Done, row.Imported);
    }

    public async Task<MailboxBackfillStatus?> GetMailboxStatusAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT since, requested_at, state IN ('done', 'failed') AS finished, imported, error
            FROM mail_backfills
            WHERE user_id = @userId AND customer_id IS NULL
            ORDER BY requested_at DESC, id DESC
            LIMIT 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return row is null ? null : new MailboxBackfillStatus(row.Since, row.RequestedAt, row.Finished, row.Imported, row.Error);
    }

    private sealed class RequestRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public long? CustomerId { get; init; }
        public string? Address { get; init; }
        public DateTimeOffset? Since { get; init; }
    }

    private sealed class ProgressRow
    {
        public int Mailboxes { get; init; }
        public int Done { get; init; }
        public int Imported { get; init; }
    }

    private sealed class StatusRow
    {
        public DateTimeOffset Since { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public bool Finished { get; init; }
        public int Imported { get; init; }
        public string? Error { get; init; }
    }
}
