using Dapper;
using Digima.Core.Scheduling;
using Npgsql;

namespace Digima.Infrastructure.Scheduling;

/// <summary>The rate limit's slots in <c>mailbox_send_pacing</c>: one upsert hands out the next
/// slot and moves it on by the spacing, so every node draws from the same sequence.</summary>
internal sealed class PostgresSendPacing(NpgsqlDataSource dataSource) : ISendPacing
{
    public async Task<DateTimeOffset> ReserveSlotAsync(long userId, DateTimeOffset now, TimeSpan spacing, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mailbox_send_pacing AS p (user_id, next_slot_at) VALUES (@userId, @next)
            ON CONFLICT (user_id) DO UPDATE SET next_slot_at = GREATEST(p.next_slot_at, @now) + @spacing
            RETURNING next_slot_at - @spacing
            """;
        var next = now + spacing;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset>(new CommandDefinition(sql, new { userId, now, next, spacing }, cancellationToken: cancellationToken));
    }
}
