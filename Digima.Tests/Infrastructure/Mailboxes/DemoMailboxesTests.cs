using Dapper;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Infrastructure;
using Digima.Infrastructure.Seeding;
using Digima.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Infrastructure.Mailboxes;

public sealed class DemoMailboxesTests
{
    [Fact]
    public async Task Seed_DatabaseSeededBeforeMailboxes_ConnectsDemoUsersToLocalServers()
    {
        await using var database = await TestDatabase.CreateAsync("mbseed");
        await using (var withoutMail = Node(database, demoMail: false))
        {
            await Seed(withoutMail);
        }

        await using var node = Node(database, demoMail: true);
        await Seed(node);
        await Seed(node);

        var sato = (await Get<IUserRepository>(node).FindByEmailAsync("sato@digima.test", CancellationToken.None))!;
        var mailbox = await Get<IMailboxConnections>(node).GetAsync(sato.Id, CancellationToken.None);
        Assert.NotNull(mailbox);
        Assert.Equal(new MailServerLogin(TestEnvironment.MailHost, TestEnvironment.SmtpPort, MailSecurity.None, "sato@digima.test", DemoData.Password), mailbox.Smtp);
        Assert.Equal(new MailServerLogin(TestEnvironment.MailHost, TestEnvironment.ImapPort, MailSecurity.None, "sato@digima.test", DemoData.Password), mailbox.Imap);
        Assert.Equal(("sato@digima.test", "佐藤 健太", true, "Sent"), (mailbox.SenderAddress, mailbox.SenderName, mailbox.SaveCopyToSent, mailbox.SentFolderName));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mailboxes"));

        // The seeded settings really log in, through the same page flow a rep would use.
        var actor = sato.AsActor();
        var form = (await Get<GetMailboxSettingsQuery>(node).GetAsync(actor, CancellationToken.None)).Input;
        var outcome = await Get<TestMailboxConnectionCommand>(node).TestAsync(actor, form, CancellationToken.None);
        Assert.True(outcome.Value?.Succeeded, $"{outcome.Value?.Smtp} {outcome.Value?.Imap}");
    }

    private static Task Seed(ServiceProvider node) => Get<DemoSeeder>(node).SeedAsync(CancellationToken.None);

    private static T Get<T>(ServiceProvider node)
        where T : notnull => node.CreateScope().ServiceProvider.GetRequiredService<T>();

    private static ServiceProvider Node(TestDatabase database, bool demoMail)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Digima"] = database.ConnectionString };
        if (demoMail)
        {
            settings["Digima:DemoMail:Host"] = TestEnvironment.MailHost;
            settings["Digima:DemoMail:ImapPort"] = TestEnvironment.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Digima:DemoMail:SmtpPort"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddCore();
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
