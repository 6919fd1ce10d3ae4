using Dapper;
using Npgsql;

namespace Digima.Infrastructure.Telemetry;

/// <summary>How many mails wait in the outbox, by status.</summary>
public sealed record OutboxDepth(long Queued, long Sending);

/// <summary>How long since a mailbox last imported successfully (or since it was connected, if never).</summary>
public sealed record MailboxImportLag(long UserId, TimeSpan Lag);

/// <summary>The database figures of the gauges and the readiness check. Both queries are cheap:
/// the outbox count walks the partial index of pending mail, the lag one row per mailbox.</summary>
public sealed class OperationsReadings(NpgsqlDataSource dataSource)
{
    public async Task<OutboxDepth> OutboxDepthAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FILTER (WHERE status = 'queued') AS queued, count(*) FILTER (WHERE status = 'sending') AS sending
            FROM outgoing_mails WHERE status IN ('queued', 'sending')
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<OutboxDepth>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    /// <summary>Mailboxes of active users that the import follows.</summary>
    public async Task<IReadOnlyList<MailboxImportLag>> ImportLagsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.user_id, GREATEST(@now - COALESCE(s.last_success_at, m.created_at), interval '0') AS lag
            FROM mailboxes m JOIN users u ON u.id = m.user_id LEFT JOIN mail_import_status s ON s.user_id = m.user_id
            WHERE u.is_active ORDER BY m.user_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MailboxImportLag>(new CommandDefinition(sql, new { now }, cancellationToken: cancellationToken))).AsList();
    }
}
