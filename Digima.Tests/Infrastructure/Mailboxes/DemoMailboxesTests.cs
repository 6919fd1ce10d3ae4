using Dapper;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Infrastructure;
using Digima.Infrastructure.Seeding;
using Digima.Tests.Infrastructure.OAuth;
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

    [Fact]
    public async Task Seed_OAuthProviderConfigured_SuzukiConnectedThroughIt_OthersWithPassword_SendsThroughTheToken()
    {
        await using var database = await TestDatabase.CreateAsync("mbseedoauth");
        await using var node = Node(database, demoMail: true, oauthIssuer: TestEnvironment.OAuthUrl);
        await Seed(node);
        await Seed(node);

        var suzuki = (await Get<IUserRepository>(node).FindByEmailAsync("suzuki@digima.test", CancellationToken.None))!;
        var sato = (await Get<IUserRepository>(node).FindByEmailAsync("sato@digima.test", CancellationToken.None))!;
        var oauth = (await Get<IMailboxConnections>(node).GetAsync(suzuki.Id, CancellationToken.None))!;
        var password = (await Get<IMailboxConnections>(node).GetAsync(sato.Id, CancellationToken.None))!;
        Assert.Equal((MailCredentialKind.OAuth2, MailCredentialKind.OAuth2, "suzuki@digima.test"), (oauth.Smtp.Kind, oauth.Imap.Kind, oauth.Imap.UserName));
        Assert.Equal(MailCredentialKind.Password, password.Smtp.Kind);
        Assert.Equal("Sent", oauth.SentFolderName);

        // The seeded grant really logs in: 「接続テスト」 as the settings page runs it.
        var form = (await Get<GetMailboxSettingsQuery>(node).GetAsync(suzuki.AsActor(), CancellationToken.None)).Input;
        var outcome = await Get<TestMailboxConnectionCommand>(node).TestAsync(suzuki.AsActor(), form, CancellationToken.None);
        Assert.True(outcome.Value?.Succeeded, $"{outcome.Value?.Smtp} {outcome.Value?.Imap}");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mailboxes WHERE auth_method = 'oauth2'"));

        // The development server forgets its grants when it restarts: the next start connects afresh.
        await connection.ExecuteAsync(
            "UPDATE mailboxes SET reconnect_required_reason = 'invalid_grant', reconnect_required_at = now() WHERE user_id = @Id", new { suzuki.Id });
        await Seed(node);
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT reconnect_required_reason FROM mailboxes WHERE user_id = @Id", new { suzuki.Id }));
        Assert.Equal(MailCredentialKind.OAuth2, (await Get<IMailboxConnections>(node).GetAsync(suzuki.Id, CancellationToken.None))!.Imap.Kind);
    }

    [Fact]
    public async Task Seed_OAuthServerDown_SuzukiKeepsAWorkingPasswordMailbox_NextStartConnectsThroughIt()
    {
        await using var database = await TestDatabase.CreateAsync("mbseeddown");
        await using (var down = Node(database, demoMail: true, oauthIssuer: new Uri($"http://127.0.0.1:{TestPorts.Closed()}/")))
        {
            await Seed(down);
        }

        var suzuki = await SuzukiAsync(database);
        Assert.Equal(MailCredentialKind.Password, suzuki.Smtp.Kind);

        await using var up = Node(database, demoMail: true, oauthIssuer: TestEnvironment.OAuthUrl);
        await Seed(up);
        Assert.Equal(MailCredentialKind.OAuth2, (await SuzukiAsync(database)).Smtp.Kind);
    }

    private static async Task<MailboxConnection> SuzukiAsync(TestDatabase database)
    {
        await using var node = Node(database, demoMail: true);
        var suzuki = (await Get<IUserRepository>(node).FindByEmailAsync("suzuki@digima.test", CancellationToken.None))!;
        return (await Get<IMailboxConnections>(node).GetAsync(suzuki.Id, CancellationToken.None))!;
    }

    private static Task Seed(ServiceProvider node) => Get<DemoSeeder>(node).SeedAsync(CancellationToken.None);

    private static T Get<T>(ServiceProvider node)
        where T : notnull => node.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <param name="oauthIssuer">The development OAuth server as provider <c>dev</c>, named for the demo mailboxes.</param>
    private static ServiceProvider Node(TestDatabase database, bool demoMail, Uri? oauthIssuer = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Digima"] = database.ConnectionString };
        if (oauthIssuer is not null)
        {
            foreach (var (key, value) in OAuthMailboxes.Settings(DevOAuthClient.TestClient))
            {
                settings[key] = value;
            }

            settings[$"Digima:OAuth:Providers:{OAuthMailboxes.Provider}:Issuer"] = oauthIssuer.AbsoluteUri;
            settings["Digima:OAuth:RedirectUri"] = OAuthMailboxes.RedirectUri.AbsoluteUri;
            settings["Digima:OAuth:RequestTimeout"] = "00:00:05";
            settings["Digima:DemoMail:OAuthProvider"] = OAuthMailboxes.Provider;
        }

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
