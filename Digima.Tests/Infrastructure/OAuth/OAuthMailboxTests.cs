using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>A mailbox connected with OAuth 2.0 to the development server: sending, import, token
/// refresh and a grant ended at the provider, against the real Dovecot and Postfix.</summary>
public sealed class OAuthMailboxTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;
    private DevOAuthClient _server = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _server?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task SendNowAndSync_OAuthMailbox_DeliveredWithOneSentCopyAndReplyImported_NoTokenStoredOrLoggedInClear()
    {
        var tokens = await StartAsync(DevOAuthClient.TestClient);
        var customer = await _services.AddCustomerAsync("大原", company: "株式会社おおはら");

        var mail = await _services.SendNowAndDeliverAsync(_rep, Input("OAuth で送るご案内", customer));

        Assert.Equal(MailStatus.Sent, mail.Status);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        Assert.Single(await MailboxReader.WaitForAsync(_rep.Email, mail.MessageId, "Sent"));
        var reply = TestMailboxes.HtmlMessage(customer.Email, _rep.Email, "Re: OAuth で送るご案内", "<p>ありがとうございます。</p>");
        reply.InReplyTo = mail.MessageId;
        await TestMailboxes.AppendAsync(_rep.Email, reply, "INBOX");

        var synced = await _services.Get<SyncMailboxCommand>().SyncAsync(_rep.Id, CancellationToken.None);

        Assert.Equal(MailboxSyncOutcome.Synced, synced.Outcome);
        Assert.True(synced.Imported >= 1, $"imported {synced.Imported}");
        var row = await RowTextAsync();
        Assert.DoesNotContain(tokens.AccessToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken!, row, StringComparison.Ordinal);
        Assert.Contains("oauth2", row, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken!, _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSettings_SenderChangedOnAnOAuthMailbox_KeepsTheGrant_APasswordTypedReplacesIt()
    {
        await StartAsync(DevOAuthClient.TestClient);
        var save = _services.Get<SaveMailboxSettingsCommand>();
        var repository = _services.Get<IMailboxRepository>();
        var saved = (await repository.GetAsync(_rep.Id, CancellationToken.None))!;
        var input = new MailboxInput
        {
            SenderName = "営業部 新しい名前",
            SenderAddress = saved.SenderAddress,
            SaveCopyToSent = saved.SaveCopyToSent,
            Smtp = { Host = saved.Smtp.Host, Port = saved.Smtp.Port, Security = saved.Smtp.Security, UserName = saved.Smtp.UserName },
            Imap = { Host = saved.Imap.Host, Port = saved.Imap.Port, Security = saved.Imap.Security, UserName = saved.Imap.UserName },
        };

        Assert.True((await save.SaveAsync(_rep, input, CancellationToken.None)).Succeeded);
        var kept = (await repository.GetAsync(_rep.Id, CancellationToken.None))!;
        Assert.Equal("営業部 新しい名前", kept.SenderName);
        Assert.NotNull(kept.OAuth);

        input.Smtp.Password = "digima-demo";
        input.Imap.Password = "digima-demo";
        Assert.True((await save.SaveAsync(_rep, input, CancellationToken.None)).Succeeded);
        Assert.Null((await repository.GetAsync(_rep.Id, CancellationToken.None))!.OAuth);
    }

    [Fact]
    public async Task Send_AcrossTokenExpiries_RefreshedOnceForConcurrentCallersAndKeptSessionLogsInAgain()
    {
        await using var smtp = new ClosingTcpProxy(TestEnvironment.SmtpPort);
        var first = await StartAsync(DevOAuthClient.ShortLivedClient, smtp.Port);
        var customer = await _services.AddCustomerAsync("短命");
        var before = await _services.SendNowAndDeliverAsync(_rep, Input("一通目", customer));
        Assert.Equal(MailStatus.Sent, before.Status);
        // Within the token's life the kept session serves the next mail: nothing per mail.
        var again = await _services.SendNowAndDeliverAsync(_rep, Input("一通目の続き", customer));
        Assert.Equal(MailStatus.Sent, again.Status);
        Assert.Equal(1, smtp.Accepted);

        await ExpireAccessTokenAsync();
        var connections = _services.Get<IMailboxConnections>();
        var both = await Task.WhenAll(connections.GetAsync(_rep.Id, CancellationToken.None), connections.GetAsync(_rep.Id, CancellationToken.None));

        // One refresh: a second would have brought another token.
        Assert.Equal(both[0]!.Smtp.Password, both[1]!.Smtp.Password);
        Assert.NotEqual(first.AccessToken, both[0]!.Smtp.Password);
        Assert.Equal(MailCredentialKind.OAuth2, both[0]!.Smtp.Kind);
        Assert.Single(_logs.All.Split('\n'), l => l.Contains("Refreshed the access token", StringComparison.Ordinal));
        // The session kept from the first mail logged in with the expired token: not handed out again.
        var after = await _services.SendNowAndDeliverAsync(_rep, Input("二通目", customer));
        Assert.Equal(MailStatus.Sent, after.Status);
        Assert.Equal(2, smtp.Accepted);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, after.MessageId));
        Assert.Single(await MailboxReader.WaitForAsync(_rep.Email, after.MessageId, "Sent"));

        await ExpireAccessTokenAsync();
        var synced = await _services.Get<SyncMailboxCommand>().SyncAsync(_rep.Id, CancellationToken.None);
        Assert.Equal(MailboxSyncOutcome.Synced, synced.Outcome);
        Assert.DoesNotContain(both[0]!.Smtp.Password, _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_GrantRevokedAtProvider_MarkedReconnectRequired_DueScheduledMailHeldAndSendNowRefused()
    {
        var tokens = await StartAsync(DevOAuthClient.ShortLivedClient);
        var customer = await _services.AddCustomerAsync("取消");
        var scheduled = await _services.Get<ScheduleMailCommand>().ScheduleAsync(
            _rep, Input("予約のご案内", customer), TokyoIn(TimeSpan.FromMinutes(30)), "Asia/Tokyo", CancellationToken.None);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors));

        await _server.RevokeAsync(tokens.RefreshToken!, "refresh_token");
        await ExpireAccessTokenAsync(TimeSpan.FromHours(1));

        Assert.Equal(ScheduledRun.Held, await _services.Get<SendScheduledMailCommand>().RunAsync(scheduled.Value, CancellationToken.None));
        var held = (await _services.Get<IOutgoingMailRepository>().GetAsync(scheduled.Value, CancellationToken.None))!;
        Assert.Equal(MailStatus.Held, held.Status);
        Assert.Equal(TestLocalizer.For<CoreMessages>()["MailboxReconnectRequired"].Value, held.HeldReason);
        await using (var connection = await _services.Database.DataSource.OpenConnectionAsync())
        {
            var reason = await connection.QuerySingleAsync<string?>("SELECT reconnect_required_reason FROM mailboxes WHERE user_id = @Id", new { _rep.Id });
            Assert.StartsWith("invalid_grant", reason, StringComparison.Ordinal);
        }

        var now = await _services.Get<SendMailCommand>().SendNowAsync(_rep, Input("今すぐ", customer), CancellationToken.None);
        Assert.False(now.Succeeded);
        Assert.Contains(TestLocalizer.For<CoreMessages>()["MailboxReconnectRequired"].Value, string.Join(" ", now.Errors));
        var synced = await _services.Get<SyncMailboxCommand>().SyncAsync(_rep.Id, CancellationToken.None);
        Assert.Equal(MailboxSyncOutcome.Failed, synced.Outcome);
    }

    private async Task<OAuthTokens> StartAsync(string clientId, int? smtpPort = null)
    {
        _services = await ServiceHarness.CreateAsync("oauth", OAuthMailboxes.Settings(clientId, smtpPort), _logs);
        _rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        _server = new DevOAuthClient(clientId);
        return await OAuthMailboxes.ConnectAsync(_services, _rep, _server);
    }

    /// <summary>The short-lived client's tokens live 15 seconds at the server (long enough for the first logins on a loaded machine); the app's clock
    /// moves on with it (the kept sessions' expiry is read from that clock).</summary>
    private async Task ExpireAccessTokenAsync(TimeSpan? appTime = null)
    {
        await Task.Delay(TimeSpan.FromSeconds(16));
        _services.Clock.Advance(appTime ?? TimeSpan.FromSeconds(16));
    }

    /// <summary>The wall-clock time in Tokyo this long after the test clock's now.</summary>
    private DateTime TokyoIn(TimeSpan after) =>
        TimeZoneInfo.ConvertTime(_services.Clock.GetUtcNow() + after, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;

    private async Task<string> RowTextAsync()
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>("SELECT m::text FROM mailboxes m WHERE user_id = @Id", new { _rep.Id });
    }

    private static ComposeInput Input(string subject, Customer to) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = subject,
        Body = "{{姓}} 様\nいつもお世話になっております。",
    };
}
