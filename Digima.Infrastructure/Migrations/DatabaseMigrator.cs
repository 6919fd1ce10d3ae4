using DbUp;
using DbUp.Engine.Output;
using Digima.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure.Migrations;

/// <summary>Applies the dated SQL scripts in Migrations/Scripts with DbUp. Several app nodes may
/// start at once: a PostgreSQL advisory lock lets one migrate while the others wait.</summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    // Any fixed number: it names the lock, shared by every node of this application.
    private const long MigrationLockKey = 0x44_69_67_69_6D_61;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            // Wait as long as the other node migrates (a script may run for minutes), not the
            // command timeout: a node timing out here would crash at start. Stopping still cancels.
            take.CommandTimeout = 0;
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                // Not dataSource.ConnectionString: Npgsql hides the password there.
                .PostgresqlDatabase(options.Value.ConnectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Database migration failed in script '{result.ErrorScript?.Name}': {result.Error?.Message}", result.Error);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
