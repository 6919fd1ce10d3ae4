using Dapper;
using Digima.Core.Mailboxes;
using Npgsql;

namespace Digima.Infrastructure.Mailboxes;

internal sealed class OAuthStartRepository(NpgsqlDataSource dataSource) : IOAuthStartRepository
{
    public async Task AddAsync(OAuthStart start, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO oauth_starts (state, user_id, provider, code_verifier_protected, expires_at)
            VALUES (@State, @UserId, @Provider, @ProtectedCodeVerifier, @ExpiresAt)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, start, cancellationToken: cancellationToken));
    }

    public async Task<OAuthStart?> TakeAsync(string state, long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement: of two redirects with the same state, only one gets the row back. Expired
        // rows of anyone go on the way; another user's live row is left for its owner.
        const string sql = """
            WITH gone AS (
                DELETE FROM oauth_starts
                WHERE (state = @state AND user_id = @userId) OR expires_at <= @now
                RETURNING state, user_id, provider, code_verifier_protected, expires_at)
            SELECT state AS State, user_id AS UserId, provider AS Provider,
                   code_verifier_protected AS ProtectedCodeVerifier, expires_at AS ExpiresAt
            FROM gone
            WHERE state = @state AND expires_at > @now
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(sql, new { state, userId, now }, cancellationToken: cancellationToken));
        return row is null ? null : new OAuthStart(row.State, row.UserId, row.Provider, row.ProtectedCodeVerifier, row.ExpiresAt);
    }

    private sealed class Row
    {
        public string State { get; init; } = "";

        public long UserId { get; init; }

        public string Provider { get; init; } = "";

        public string ProtectedCodeVerifier { get; init; } = "";

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
