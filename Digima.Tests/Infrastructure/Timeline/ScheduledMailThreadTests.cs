using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Scheduling;
using Digima.Core.Timeline;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Timeline;

/// <summary>Scheduled mail is threaded when it is written, as queued mail is (one insert path):
/// 「スレッドを表示」 shows it while it waits, an edit keeps it there, and the customer's reply
/// threads with it.</summary>
public sealed class ScheduledMailThreadTests : IAsyncLifetime
{
    private TimelineScenario _scenario = default!;

    public async Task InitializeAsync() => _scenario = await TimelineScenario.CreateAsync("scheduled-thread");

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Schedule_ThenEdit_ThenCustomerReplies_AllInOneThread()
    {
        var rep = await _scenario.AddRepAsync();
        await TestMailboxes.ConnectAsync(_scenario.Services.Provider, rep);
        var customer = await _scenario.AddCustomerAsync("予約糸");
        // The test clock starts at 2026-11-27 00:00 UTC (09:00 in Tokyo): the next day at 09:00.
        var sendAt = TimeZones.ToUserTime(_scenario.Services.Clock.GetUtcNow(), "Asia/Tokyo").DateTime.Date.AddDays(1).AddHours(9);
        var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "ご提案の件", Body = "本文です。" };
        var scheduled = await _scenario.Services.Get<ScheduleMailCommand>().ScheduleAsync(rep, input, sendAt, "Asia/Tokyo", CancellationToken.None);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors));

        var waiting = await ThreadOfAsync(rep, customer.Id, "ご提案の件");
        Assert.Equal(scheduled.Value, Assert.Single(waiting).Item.OutgoingMailId);
        Assert.NotNull(waiting[0].Item.ThreadId);

        var edit = new ScheduledMailEdit(scheduled.Value, "ご提案の件", "書き直した本文です。", sendAt.AddHours(1));
        Assert.True((await _scenario.Services.Get<EditScheduledMailCommand>().EditAsync(rep, edit, CancellationToken.None)).Succeeded);
        var messageId = waiting[0].Item.MessageId!;
        var reply = $"r.{Guid.NewGuid():N}@customer.test";
        await _scenario.ImportAsync(rep, customer, reply, "Re: ご提案の件", 60 * 24 * 30, received: true, messageId, messageId);

        var thread = await ThreadOfAsync(rep, customer.Id, "Re: ご提案の件");

        Assert.Equal(["Re: ご提案の件", "ご提案の件"], thread.Select(m => m.Item.Subject));
        Assert.Equal(scheduled.Value, thread[1].Item.OutgoingMailId);
        Assert.Equal("書き直した本文です。", thread[1].BodyText);
        Assert.All(thread, m => Assert.Equal(messageId, m.Item.ThreadId));
    }

    private async Task<IReadOnlyList<TimelineMail>> ThreadOfAsync(Digima.Core.Common.CurrentUser actor, long customerId, string subject)
    {
        var items = (await _scenario.Services.Get<ListTimelineQuery>().ListAsync(actor, customerId, null, 100, CancellationToken.None)).Items;
        var item = items.First(i => i.Subject == subject && i.EventKind is null);
        return await _scenario.Services.Get<GetThreadQuery>().GetAsync(actor, customerId, item.Id, CancellationToken.None);
    }
}
