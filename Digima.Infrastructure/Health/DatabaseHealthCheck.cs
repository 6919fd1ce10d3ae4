using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Digima.Infrastructure.Health;

/// <summary>Healthy once the database answers and the newest migration script has been applied.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT count(*) FROM schemaversions WHERE scriptname = @newest";
        var newest = typeof(DatabaseHealthCheck).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Max(StringComparer.Ordinal);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { newest }, cancellationToken: cancellationToken));
            return applied == 1
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Migration {newest} is not applied yet.");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
