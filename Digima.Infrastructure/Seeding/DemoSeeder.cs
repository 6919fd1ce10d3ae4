using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Customers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Digima.Infrastructure.Seeding;

/// <summary>Seeds the demo users and customers once per database. Safe to run on several nodes
/// at once (advisory lock) and after a crash half-way (it only adds what is missing).</summary>
public sealed class DemoSeeder(
    NpgsqlDataSource dataSource,
    IUserRepository users,
    ICustomerRepository customers,
    IPasswordHashing hashing,
    ILogger<DemoSeeder> logger)
{
    private const string SeedName = "demo-2026-11";
    private const long SeedLockKey = 0x44_65_6D_6F;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@SeedLockKey)", new { SeedLockKey }, cancellationToken: cancellationToken));
        try
        {
            var done = await lockConnection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM seed_runs WHERE name = @SeedName)", new { SeedName }, cancellationToken: cancellationToken));
            if (done)
            {
                return;
            }

            var ids = new Dictionary<string, long>();
            foreach (var user in DemoData.Users)
            {
                var existing = await users.FindByEmailAsync(user.Email, cancellationToken);
                ids[user.Email] = existing?.Id ?? await users.InsertAsync(user, hashing.Hash(DemoData.Password), cancellationToken);
            }

            long? sato = ids["sato@digima.test"], suzuki = ids["suzuki@digima.test"];
            var demo = DemoData.Customers([sato, suzuki, sato, suzuki, null]);
            var existingEmails = await customers.FindExistingEmailsAsync(demo.Select(c => c.Email).ToList(), cancellationToken);
            var missing = demo.Where(c => !existingEmails.Contains(c.Email.ToLowerInvariant())).ToList();
            await customers.InsertAllAsync(missing, cancellationToken);

            await lockConnection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO seed_runs (name) VALUES (@SeedName)", new { SeedName }, cancellationToken: cancellationToken));
            logger.LogInformation("Seeded {Users} demo users and {Customers} demo customers", DemoData.Users.Count, missing.Count);
        }
        finally
        {
            await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@SeedLockKey)", new { SeedLockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
