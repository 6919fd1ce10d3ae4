using Dapper;
using Digima.Core.Sending;
using Digima.Core.Sending.UndoSend;
using Npgsql;

namespace Digima.Infrastructure.Sending.UndoSend;

internal sealed class UndoGraceRepository(NpgsqlDataSource dataSource) : IUndoGraceRepository
{
    public async Task<int?> GetSecondsAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT undo_grace_seconds FROM user_send_preferences WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
    }

    public async Task SaveSecondsAsync(long userId, int seconds, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO user_send_preferences (user_id, undo_grace_seconds, updated_at)
            VALUES (@userId, @seconds, @savedAt)
            ON CONFLICT (user_id) DO UPDATE SET undo_grace_seconds = excluded.undo_grace_seconds, updated_at = excluded.updated_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, seconds, savedAt }, cancellationToken: cancellationToken));
    }

    public async Task<UndoResult?> CancelWithinGraceAsync(long mailId, long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // attempts = 0: a mail put back in the queue for a retry has been in the server's hands
        // once already; it is not "not yet sent". The claim takes the row lock first or waits for
        // this UPDATE, so exactly one of them wins.
        const string sql = """
            WITH undone AS (
                UPDATE outgoing_mails SET status = 'cancelled', cancelled_at = @now
                WHERE id = @mailId AND user_id = @userId AND status = 'queued' AND attempts = 0 AND send_after > @now
                RETURNING id)
            SELECT EXISTS (SELECT 1 FROM undone) AS undone,
                   CASE WHEN EXISTS (SELECT 1 FROM undone) THEN 'cancelled' ELSE status END AS status
            FROM outgoing_mails WHERE id = @mailId AND user_id = @userId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { mailId, userId, now }, cancellationToken: cancellationToken));
        return row is null ? null : new UndoResult(row.Undone, Enum.Parse<MailStatus>(row.Status, ignoreCase: true));
    }

    public async Task<IReadOnlyList<UndoableMail>> ListWithinGraceAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS mail_id, send_after FROM outgoing_mails
            WHERE user_id = @userId AND status = 'queued' AND attempts = 0 AND send_after > @now
            ORDER BY send_after, id
            LIMIT 20
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<UndoableMail>(new CommandDefinition(sql, new { userId, now }, cancellationToken: cancellationToken))).AsList();
    }

    private sealed record Row(bool Undone, string Status);
}
