using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Notifications;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>A grant ended at the provider: the rep is told once, however often the mailbox is used
/// after; connecting with the provider again sends the mail held meanwhile, once.</summary>
public sealed class ReconnectRequiredTests : IAsyncLifetime
{
    private readonly DevOAuthClient _server = new();
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("oauth_reconnect", OAuthMailboxes.Settings(DevOAuthClient.TestClient));
        _rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
    }

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task GrantRevoked_UsedThreeTimes_ToldOnceUnderTheBell_ReconnectSendsHeldMailOnce()
    {
        Assert.Equal(OAuthConnectStatus.Connected, (await ConnectAsync()).Status);
        var customer = await _services.AddCustomerAsync("再接続");
        var first = await ScheduleAsync("再接続後に届くご案内", customer);
        var second = await ScheduleAsync("もう一通のご案内", customer);
        await RevokeAsync();
        _services.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ScheduledRun.Held, await RunAsync(first));
        Assert.Equal(MailboxSyncOutcome.Failed, (await _services.Get<SyncMailboxCommand>().SyncAsync(_rep.Id, CancellationToken.None)).Outcome);
        Assert.Equal(ScheduledRun.Held, await RunAsync(second));

        var told = (await _services.Get<ListNotificationsQuery>().ListAsync(_rep, CancellationToken.None)).Items
            .Where(n => n.Kind == NotificationKind.MailboxReconnectRequired).ToList();
        Assert.Single(told);
        Assert.NotNull(await _services.Get<GetMailboxReconnectQuery>().GetAsync(_rep, CancellationToken.None));

        Assert.Equal(OAuthConnectStatus.Connected, (await ConnectAsync()).Status);

        Assert.Null(await _services.Get<GetMailboxReconnectQuery>().GetAsync(_rep, CancellationToken.None));
        foreach (var id in new[] { first, second })
        {
            Assert.Equal(MailStatus.Scheduled, (await MailAsync(id)).Status);
            Assert.Equal(ScheduledRun.Sent, await RunInItsSlotAsync(id));
            Assert.Equal(ScheduledRun.NotScheduled, await RunAsync(id));
            Assert.Single(await MailboxReader.WaitForAsync(customer.Email, (await MailAsync(id)).MessageId));
        }
    }

    private Task<OAuthConnectResult> ConnectAsync() => OAuthMailboxes.ConnectThroughAppAsync(_services, _rep);

    /// <summary>The refresh token revoked at the provider and the cached access token dropped, so the
    /// next use must refresh (instead of waiting for the token to expire).</summary>
    private async Task RevokeAsync()
    {
        var grant = (await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None))!.OAuth!;
        await _server.RevokeAsync(_services.Get<ISecretProtector>().Unprotect(grant.ProtectedRefreshToken), "refresh_token");
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE mailboxes SET oauth_access_token_protected = NULL WHERE user_id = @Id", new { _rep.Id });
    }

    private async Task<long> ScheduleAsync(string subject, Customer to)
    {
        var input = new ComposeInput { To = [new ComposeRecipient(to.Id, to.Email, to.FullName)], Subject = subject, Body = "{{姓}} 様\nご案内です。" };
        var local = TimeZoneInfo.ConvertTime(_services.Clock.GetUtcNow().AddHours(1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;
        var outcome = await _services.Get<ScheduleMailCommand>().ScheduleAsync(_rep, input, local, "Asia/Tokyo", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }

    /// <summary>Runs the mail; when the mailbox's rate limit gave it a later slot, runs it again then.</summary>
    private async Task<ScheduledRun> RunInItsSlotAsync(long id)
    {
        var run = await RunAsync(id);
        if (run == ScheduledRun.Deferred && (await MailAsync(id)).SendAfter is { } slot)
        {
            _services.Clock.SetUtcNow(slot);
            run = await RunAsync(id);
        }

        return run;
    }

    private Task<ScheduledRun> RunAsync(long id) => _services.Get<SendScheduledMailCommand>().RunAsync(id, CancellationToken.None);

    private async Task<OutgoingMail> MailAsync(long id) => (await _services.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
}
