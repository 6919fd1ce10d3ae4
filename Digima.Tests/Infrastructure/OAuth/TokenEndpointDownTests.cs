using System.Net;
using System.Net.Sockets;
using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>A provider that cannot be reached is "try later", never 「再接続が必要」.</summary>
public sealed class TokenEndpointDownTests
{
    [Fact]
    public async Task GetAsync_ExpiredTokenAndProviderUnreachable_TokenUnavailableAndNotMarked()
    {
        var settings = OAuthMailboxes.Settings(DevOAuthClient.TestClient);
        settings[$"Digima:OAuth:Providers:{OAuthMailboxes.Provider}:Issuer"] = $"http://127.0.0.1:{ClosedPort()}/";
        await using var services = await ServiceHarness.CreateAsync("oauth-down", settings);
        var rep = await services.AddUserAsync(UserRole.Rep);
        var secrets = services.Get<ISecretProtector>();
        var now = services.Clock.GetUtcNow();
        var server = new StoredMailServer(TestEnvironment.MailHost, TestEnvironment.ImapPort, MailSecurity.None, rep.Email, "");
        await services.Get<IMailboxRepository>().SaveAsync(
            new StoredMailbox(rep.Id, rep.DisplayName, rep.Email, server, server, true, "Sent", now)
            {
                OAuth = new StoredOAuthGrant(OAuthMailboxes.Provider, secrets.Protect("refresh"), secrets.Protect("access"), now.AddMinutes(1), now.AddHours(-1), now, null, null),
            },
            CancellationToken.None);

        await Assert.ThrowsAsync<MailboxTokenUnavailableException>(() => services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None));

        await using var connection = await services.Database.DataSource.OpenConnectionAsync();
        Assert.Null(await connection.QuerySingleAsync<string?>("SELECT reconnect_required_reason FROM mailboxes WHERE user_id = @Id", new { rep.Id }));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
