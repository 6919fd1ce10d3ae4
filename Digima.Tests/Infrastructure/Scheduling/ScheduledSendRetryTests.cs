using Digima.Core.Scheduling;
using Digima.Core.Sending;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>A mail server that cannot be reached: the scheduled mail is tried again after about 1, 5,
/// 15 and 60 minutes, then fails with the reason.</summary>
public sealed class ScheduledSendRetryTests : IAsyncLifetime
{
    private ScheduledScenario _s = default!;

    // Nothing listens on port 9 of the loopback: connection refused, a transient failure.
    public async Task InitializeAsync() => _s = await ScheduledScenario.CreateAsync("schedule-retry", smtpPort: 9);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Run_ServerUnreachable_RetriesWithBackoffThenFails()
    {
        var customer = await _s.AddCustomerAsync("再試行");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("再試行", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0));
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));

        var waits = new List<TimeSpan>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            Assert.Equal(ScheduledRun.RetryLater, await _s.RunAsync(id));
            var mail = await _s.MailAsync(id);
            Assert.Equal(MailStatus.Scheduled, mail.Status);
            waits.Add(mail.SendAfter!.Value - _s.Now);
            _s.Services.Clock.Advance(mail.SendAfter.Value - _s.Now);
        }

        Assert.Equal(ScheduledRun.Failed, await _s.RunAsync(id));
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)], waits);
        var failed = await _s.MailAsync(id);
        Assert.Equal(MailStatus.Failed, failed.Status);
        Assert.Contains(":9", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lane_ServerUnreachable_FirstRetriesLater_RestReleasedUntouched_NoneLeftSending()
    {
        await using var s = await ScheduledScenario.CreateAsync(
            "schedule-lane-retry", smtpPort: 9, settings: new Dictionary<string, string?> { ["Digima:Scheduling:RateLimitPerMinute"] = "0" });
        var customer = await s.AddCustomerAsync("再試行");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await s.ScheduleAsync(ScheduledScenario.Input($"再試行 {i}", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0)));
        }

        s.Services.Clock.Advance(TimeSpan.FromHours(1));
        var ran = await s.Services.Get<SendMailboxDueMailCommand>().SendAsync(s.Rep.Id, CancellationToken.None);

        Assert.Equal(0, ran);
        var mails = new List<OutgoingMail>();
        foreach (var id in ids)
        {
            mails.Add(await s.MailAsync(id));
        }

        Assert.All(mails, m => Assert.Equal(MailStatus.Scheduled, m.Status));
        Assert.All(mails, m => Assert.Equal(s.Now + TimeSpan.FromMinutes(1), m.SendAfter));
        // One was tried (its retry counted), the others were never handed to the server.
        Assert.Equal([0, 0, 1], mails.Select(m => m.RetryCount).Order());
        Assert.Equal([0, 0, 1], mails.Select(m => m.Attempts).Order());
    }
}
