using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>An access token the mail servers refuse before its expiry (revoked at the provider):
/// renewed once from a good grant and the login tried again; a grant also ended is 「再接続が必要」,
/// shown in Japanese on the mail and on the import's status.</summary>
public sealed class RefusedTokenTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly DevOAuthClient _server = new(DevOAuthClient.TestClient);
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;
    private OAuthTokens _tokens = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("oauth-refused", OAuthMailboxes.Settings(DevOAuthClient.TestClient), _logs);
        _rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        _tokens = await OAuthMailboxes.ConnectAsync(_services, _rep, _server);
    }

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task SendAndSync_CachedTokenRevokedGrantGood_RenewedOnceAndDelivered()
    {
        var customer = await _services.AddCustomerAsync("取消済み");
        await _server.RevokeAsync(_tokens.AccessToken);

        var mail = await _services.SendNowAndDeliverAsync(_rep, Input(customer));

        Assert.True(mail.Status == MailStatus.Sent, mail.Error);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        Assert.Single(await MailboxReader.WaitForAsync(_rep.Email, mail.MessageId, "Sent"));
        // SMTP found the token refused first; the Sent copy's login then took the renewed one.
        Assert.Single(_logs.All.Split('\n'), l => l.Contains("Refreshed the access token", StringComparison.Ordinal));
        // Dovecot's oauth2 passdb asked the provider, which called the revoked token inactive.
        Assert.NotEmpty(MailServerLogs.Lines(MailServerLogs.Dovecot, _rep.Email, "oauth2 failed", "Introspection failed"));
        Assert.DoesNotContain(_tokens.AccessToken, MailServerLogs.Dovecot, StringComparison.Ordinal);
        var connection = (await _services.Get<IMailboxConnections>().GetAsync(_rep.Id, CancellationToken.None))!;
        Assert.NotEqual(_tokens.AccessToken, connection.Imap.Password);
        Assert.Equal(MailboxSyncOutcome.Synced, (await _services.Get<SyncMailboxCommand>().SyncAsync(_rep.Id, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SendAndSync_CachedTokenAndGrantRevoked_ReconnectRequiredInJapanese()
    {
        var customer = await _services.AddCustomerAsync("全取消");
        await _server.RevokeAsync(_tokens.AccessToken);
        await _server.RevokeAsync(_tokens.RefreshToken!, "refresh_token");
        var reconnect = TestLocalizer.For<CoreMessages>()["MailboxReconnectRequired"].Value;

        var mail = await _services.SendNowAndDeliverAsync(_rep, Input(customer));

        Assert.Equal(MailStatus.Failed, mail.Status);
        Assert.Equal(reconnect, mail.Error);
        await using (var db = await _services.Database.DataSource.OpenConnectionAsync())
        {
            var reason = await db.QuerySingleAsync<string?>("SELECT reconnect_required_reason FROM mailboxes WHERE user_id = @Id", new { _rep.Id });
            Assert.StartsWith("invalid_grant", reason, StringComparison.Ordinal);
        }

        var synced = await _services.Get<SyncMailboxCommand>().SyncAsync(_rep.Id, CancellationToken.None);
        Assert.Equal(MailboxSyncOutcome.Failed, synced.Outcome);
        Assert.Equal(reconnect, synced.Error);
        var status = await _services.Get<GetMailboxSyncStatusQuery>().GetAsync(_rep, _rep.Id, CancellationToken.None);
        Assert.Equal(reconnect, status!.LastError);
    }

    private static ComposeInput Input(Digima.Core.Customers.Customer to) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = "取り消されたトークンでのご案内",
        Body = "{{姓}} 様",
    };
}
