using Dapper;
using Digima.Infrastructure.Migrations;
using Digima.Tests.Support;
using Digima.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

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
        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "customers", "data_protection_keys", "mailboxes", "outgoing_mails", "outgoing_mail_recipients", "schemaversions", "seed_runs", "users" });
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

    [Fact]
    public async Task Migrate_OtherNodeMigratesLongerThanCommandTimeout_WaitsForItThenSucceeds()
    {
        await using var database = await TestDatabase.CreateAsync("migrate3", migrate: false);
        // The lock waits on a data source with a one-second command timeout, standing for another
        // node whose migration outlasts the default 30 s; the scripts themselves run as usual.
        var shortTimeout = database.ConnectionString + ";Command Timeout=1";
        await using var dataSource = NpgsqlDataSource.Create(shortTimeout);
        var migrator = new DatabaseMigrator(dataSource, Options.Create(new DatabaseOptions { ConnectionString = database.ConnectionString }), NullLogger<DatabaseMigrator>.Instance);
        await using var otherNode = await database.DataSource.OpenConnectionAsync();
        // The migrator's lock key ("Digima" in ASCII), held as a node in the middle of migrating holds it.
        await otherNode.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = 0x44_69_67_69_6D_61L });

        var migrating = migrator.MigrateAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(migrating.IsCompleted, migrating.Exception?.ToString());
        await otherNode.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = 0x44_69_67_69_6D_61L });
        await migrating;

        Assert.True(await otherNode.ExecuteScalarAsync<long>("SELECT count(*) FROM schemaversions") > 0);
    }
}
