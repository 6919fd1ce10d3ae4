using Digima.Infrastructure.Database;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Digima.Tests.Support;

/// <summary>A fresh, migrated database of its own on the test PostgreSQL, dropped at the end, so
/// test classes never see each other's rows and the suite passes twice in a row.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose, bool migrate = true)
    {
        var name = $"digima_t_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var admin = NpgsqlDataSource.Create(TestEnvironment.AdminConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.AdminConnectionString) { Database = name };
        var database = new TestDatabase(name, builder.ConnectionString);
        if (migrate)
        {
            await database.Migrator().MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    public DatabaseMigrator Migrator() => new(
        DataSource, Options.Create(new DatabaseOptions { ConnectionString = ConnectionString }), NullLogger<DatabaseMigrator>.Instance);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(TestEnvironment.AdminConnectionString);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException) when (attempt < 10)
            {
                // An autovacuum worker (not ours to terminate) may still be on the database.
                await Task.Delay(200);
            }
            catch (PostgresException)
            {
                // Left for the next run's fresh test cluster; never fail a test over cleanup.
                return;
            }
        }
    }
}
