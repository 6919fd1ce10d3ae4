using Dapper;
using Digima.Core.Accounts.SignIn;
using Npgsql;

namespace Digima.Infrastructure.Accounts;

internal sealed class SignInFailureStore(NpgsqlDataSource dataSource) : ISignInFailureStore
{
    public async Task<DateTimeOffset?> GetLockedUntilAsync(string emailKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "SELECT locked_until FROM sign_in_failures WHERE email_key = @emailKey AND locked_until > @now";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(sql, new { emailKey, now }, cancellationToken: cancellationToken));
    }

    public async Task<int> RecordFailureAsync(string emailKey, int maxFailures, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        // One statement: the count and the lock move together even under parallel attempts. A
        // row whose lock has expired counts from zero again (the old lock said all it had to).
        const string sql = """
            INSERT INTO sign_in_failures AS f (email_key, failures, locked_until, last_failed_at)
            VALUES (@emailKey, 1, CASE WHEN 1 >= @maxFailures THEN @lockUntil END, @now)
            ON CONFLICT (email_key) DO UPDATE SET
                failures = CASE WHEN f.locked_until <= @now THEN 1 ELSE f.failures + 1 END,
                locked_until = CASE
                    WHEN (CASE WHEN f.locked_until <= @now THEN 1 ELSE f.failures + 1 END) >= @maxFailures THEN @lockUntil
                    WHEN f.locked_until <= @now THEN NULL
                    ELSE f.locked_until END,
                last_failed_at = @now
            RETURNING failures
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            sql, new { emailKey, maxFailures, now, lockUntil }, cancellationToken: cancellationToken));
    }

    public async Task ResetAsync(string emailKey, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM sign_in_failures WHERE email_key = @emailKey";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { emailKey }, cancellationToken: cancellationToken));
    }
}
