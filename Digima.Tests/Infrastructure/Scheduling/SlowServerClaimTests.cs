using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>A lane whose SMTP server stops answering in the middle of a batch, against the real
/// Postfix behind a relay that holds back what the client says. Recovery runs meanwhile, as
/// another node's would: it must not take the live lane's mail for a dead node's and send it
/// again, and mail it did take over is not sent by the lane.</summary>
public sealed class SlowServerClaimTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private ClosingTcpProxy _smtp = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("slow-claim", new Dictionary<string, string?> { ["Digima:Scheduling:RateLimitPerMinute"] = "0" });
        _smtp = new ClosingTcpProxy(TestEnvironment.SmtpPort);
        _rep = await _services.AddUserAsync(UserRole.Rep, $"slow.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep, smtpPort: _smtp.Port);
    }

    public async Task DisposeAsync()
    {
        _smtp.Resume();
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Lane_ServerSlowerThanStuckAfter_RecoveryLeavesTheLiveClaims_EachMailSentOnce()
    {
        var customer = await _services.AddCustomerAsync("遅延");
        var ids = await ScheduleDueBatchAsync(customer, 3);
        var lane = _services.Get<SendMailboxDueMailCommand>();

        _smtp.Stall();
        var running = lane.SendAsync(_rep.Id, CancellationToken.None);
        await WaitUntilAsync(() => Task.FromResult(_smtp.StalledBytes > 0), "the lane is talking to the stalled server");

        // Longer than a claim may last without news: the lane's heartbeat renews its claims.
        var stuckAfter = _services.Get<SendingOptions>().StuckAfter;
        _services.Clock.Advance(stuckAfter + TimeSpan.FromSeconds(1));
        var renewedAt = _services.Clock.GetUtcNow();
        await WaitUntilAsync(async () => await CountAsync("claimed_at >= @renewedAt", ids, new { renewedAt }) == ids.Count, "the claims renewed");
        Assert.Equal(0, await _services.Get<RecoverStuckMailCommand>().RecoverAsync(CancellationToken.None));

        _smtp.Resume();
        Assert.Equal(3, await running);
        await _services.DeliverQueuedAsync();

        foreach (var id in ids)
        {
            var mail = (await _services.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
            Assert.Equal(MailStatus.Sent, mail.Status);
            Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        }
    }

    [Fact]
    public async Task Lane_MailTakenOverWhileFrozen_NotHandedToTheServerByTheLane()
    {
        var customer = await _services.AddCustomerAsync("引継");
        var ids = await ScheduleDueBatchAsync(customer, 3);
        var lane = _services.Get<SendMailboxDueMailCommand>();

        _smtp.Stall();
        var running = lane.SendAsync(_rep.Id, CancellationToken.None);
        await WaitUntilAsync(() => Task.FromResult(_smtp.StalledBytes > 0), "the lane is talking to the stalled server");

        // What another node's recovery does to a claim it believes dead: a claim of its own.
        var inFlight = await QueryAsync("SELECT id FROM outgoing_mails WHERE id = ANY(@ids) AND status = 'sending'", ids);
        Assert.Equal(3, inFlight.Count);
        await using (var connection = await _services.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE outgoing_mails SET claim_token = gen_random_uuid() WHERE id = ANY(@ids)", new { ids = ids.ToArray() });
        }

        _smtp.Resume();
        await running;

        // The one being handed over when the node froze went out (it cannot be called back); the
        // others were left to the node that took them: never handed to the server by this lane.
        Assert.Equal(1, await CountAsync("smtp_accepted_at IS NOT NULL", ids));
        Assert.Equal(2, await CountAsync("smtp_accepted_at IS NULL AND status = 'sending'", ids));
    }

    private async Task<List<long>> ScheduleDueBatchAsync(Customer customer, int count)
    {
        var due = TimeZoneInfo.ConvertTime(_services.Clock.GetUtcNow() + TimeSpan.FromHours(1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var outcome = await _services.Get<ScheduleMailCommand>().ScheduleAsync(
                _rep, ScheduledScenario.Input($"遅延 {i}", "本文です。", customer), due, "Asia/Tokyo", CancellationToken.None);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
            ids.Add(outcome.Value);
        }

        _services.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        return ids;
    }

    private async Task<long> CountAsync(string condition, List<long> ids, object? more = null)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        var args = new DynamicParameters(more);
        args.Add("ids", ids.ToArray());
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM outgoing_mails WHERE id = ANY(@ids) AND {condition}", args);
    }

    private async Task<List<long>> QueryAsync(string sql, List<long> ids)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(sql, new { ids = ids.ToArray() })).AsList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited 20 s for {what}");
            await Task.Delay(50);
        }
    }
}
