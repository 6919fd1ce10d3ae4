using Dapper;
using Digima.Core.Compose.Signatures;
using Npgsql;

namespace Digima.Infrastructure.Compose.Signatures;

internal sealed class SignatureRepository(NpgsqlDataSource dataSource) : ISignatureRepository
{
    public async Task<string> GetAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT body FROM user_signatures WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken)) ?? "";
    }

    public Task SaveAsync(long userId, string text, DateTimeOffset savedAt, CancellationToken cancellationToken) =>
        text.Length == 0 ? DeleteAsync(userId, cancellationToken) : UpsertAsync(userId, text, savedAt, cancellationToken);

    private async Task UpsertAsync(long userId, string body, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO user_signatures (user_id, body, updated_at)
            VALUES (@userId, @body, @savedAt)
            ON CONFLICT (user_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, body, savedAt }, cancellationToken: cancellationToken));
    }

    private async Task DeleteAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM user_signatures WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
    }
}
