using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Customers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Digima.Infrastructure.Seeding;

/// <summary>Seeds the demo users and customers once per database, and their mailboxes once the
/// local mail servers are configured. Safe to run on several nodes at once (advisory lock) and
/// after a crash half-way (it only adds what is missing).</summary>
public sealed class DemoSeeder(
    NpgsqlDataSource dataSource,
    IUserRepository users,
    ICustomerRepository customers,
    IPasswordHashing hashing,
    DemoMailboxes demoMailboxes,
    ILogger<DemoSeeder> logger)
{
    private const string SeedName = "demo-2026-11";
    private const string MailboxSeedName = "demo-mailboxes-2026-11";
    private const long SeedLockKey = 0x44_65_6D_6F;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        // No command timeout: another node's seed (OAuth sign-ins included) may take longer than one.
        await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@SeedLockKey)", new { SeedLockKey }, commandTimeout: 0, cancellationToken: cancellationToken));
        try
        {
            if (!await HasRunAsync(lockConnection, SeedName, cancellationToken))
            {
                await SeedUsersAndCustomersAsync(cancellationToken);
                await MarkRunAsync(lockConnection, SeedName, cancellationToken);
            }

            // A marker of its own, so databases seeded before mailboxes existed get them too.
            if (demoMailboxes.IsConfigured && !await HasRunAsync(lockConnection, MailboxSeedName, cancellationToken))
            {
                var added = await demoMailboxes.SeedAsync(cancellationToken);
                await MarkRunAsync(lockConnection, MailboxSeedName, cancellationToken);
                logger.LogInformation("Connected {Mailboxes} demo mailboxes to the local mail servers", added);
            }

            // At every start, after the password mailboxes (a provider that is down leaves a working
            // mailbox): the development OAuth server forgets its grants when it restarts.
            if (demoMailboxes.ConnectsWithOAuth)
            {
                await demoMailboxes.ConnectOAuthUsersAsync(cancellationToken);
            }
        }
        finally
        {
            await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@SeedLockKey)", new { SeedLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private async Task SeedUsersAndCustomersAsync(CancellationToken cancellationToken)
    {
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
        logger.LogInformation("Seeded {Users} demo users and {Customers} demo customers", DemoData.Users.Count, missing.Count);
    }

    private static Task<bool> HasRunAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM seed_runs WHERE name = @name)", new { name }, cancellationToken: cancellationToken));

    private static Task MarkRunAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO seed_runs (name) VALUES (@name)", new { name }, cancellationToken: cancellationToken));
}
