using Dapper;
using Digima.Infrastructure.Migrations;
using Digima.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digima.Tests.Infrastructure.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FromEmpty_CreatesSchema_AndSecondRunChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync("migrate", migrate: false);
        var migrator = database.Migrator();

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).ToList();
        Assert.Equal(["customers", "data_protection_keys", "mailboxes", "schemaversions", "seed_runs", "users"], tables);
        var scripts = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schemaversions");
        Assert.Equal(typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal)), scripts);
    }

    [Fact]
    public async Task Migrate_TwoNodesAtOnce_BothSucceed()
    {
        await using var database = await TestDatabase.CreateAsync("migrate2", migrate: false);

        await Task.WhenAll(
            Task.Run(() => database.Migrator().MigrateAsync(CancellationToken.None)),
            Task.Run(() => database.Migrator().MigrateAsync(CancellationToken.None)));

        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schemaversions WHERE scriptname LIKE '%0001-users.sql'"));
    }
}
