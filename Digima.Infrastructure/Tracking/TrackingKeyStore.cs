using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Digima.Infrastructure.Tracking;

/// <summary>The tracking secret in <c>tracking_keys</c>: made by the first node that needs it,
/// read by every other, kept in memory after the first read.</summary>
internal sealed class TrackingKeyStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_secret is { } known)
        {
            return known;
        }

        // The INSERT is a no-op when another node made the secret first; the RETURNING-less
        // SELECT then reads whichever secret won.
        const string sql = """
            INSERT INTO tracking_keys (id, secret, created_at) VALUES (1, @candidate, @now) ON CONFLICT (id) DO NOTHING;
            SELECT secret FROM tracking_keys WHERE id = 1;
            """;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_secret is null)
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var candidate = RandomNumberGenerator.GetBytes(32);
                _secret = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
                    sql, new { candidate, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
            }

            return _secret!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
