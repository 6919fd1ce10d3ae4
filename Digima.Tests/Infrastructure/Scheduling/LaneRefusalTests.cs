using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>A send lane's batch in which the server refuses one recipient for good (Postfix refuses
/// any address at refused.test): that mail fails with the server's reply, the others in the batch
/// (sent before and after it, as the lane shuffles its batch) go out once each with their Sent copies.</summary>
public sealed class LaneRefusalTests
{
    [Fact]
    public async Task Lane_RecipientRefusedInABatch_ThatMailFails_TheOthersAreSentOnce()
    {
        await using var s = await ScheduledScenario.CreateAsync(
            "schedule-lane-refused", settings: new Dictionary<string, string?> { ["Digima:Scheduling:RateLimitPerMinute"] = "0" });
        var customer = await s.AddCustomerAsync("一括");
        var refused = await s.Services.AddCustomerAsync("拒否", email: $"x.{Guid.NewGuid():N}"[..14] + "@refused.test");
        var at = new DateTime(2026, 11, 27, 10, 0, 0);
        var first = await s.ScheduleAsync(ScheduledScenario.Input("一括 1", "本文です。", customer), at);
        var middle = await s.ScheduleAsync(ScheduledScenario.Input("一括 2", "本文です。", refused), at);
        var last = await s.ScheduleAsync(ScheduledScenario.Input("一括 3", "本文です。", customer), at);
        s.Services.Clock.Advance(TimeSpan.FromHours(1));

        var ran = await s.Services.Get<SendMailboxDueMailCommand>().SendAsync(s.Rep.Id, CancellationToken.None);

        Assert.Equal(3, ran);
        var failed = await s.MailAsync(middle);
        Assert.Equal(MailStatus.Failed, failed.Status);
        Assert.Contains(refused.Email, failed.Error, StringComparison.Ordinal);
        foreach (var id in new[] { first, last })
        {
            var mail = await s.MailAsync(id);
            Assert.Equal(MailStatus.Sent, mail.Status);
            Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
            Assert.Single(await MailboxReader.FindAsync(s.Rep.Email, mail.MessageId, "Sent"));
        }
    }
}
