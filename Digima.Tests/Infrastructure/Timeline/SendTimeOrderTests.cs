using Dapper;
using Digima.Core.Sending;
using Digima.Core.Timeline;

namespace Digima.Tests.Infrastructure.Timeline;

/// <summary>An app mail sits where a rep looks for it: at its send time once sent, at its
/// scheduled time until then; on the timeline (and its keyset paging), in 個別メール and in its thread.</summary>
public sealed class SendTimeOrderTests : IAsyncLifetime
{
    private TimelineScenario _scenario = default!;

    public async Task InitializeAsync() => _scenario = await TimelineScenario.CreateAsync("send-time-order");

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Timeline_MailWrittenBeforeAReplyButSentAfterIt_SitsAboveTheReply()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("送信順");
        var early = await _scenario.SendAsync(rep, "水曜に書いた", 0, [customer]);
        await _scenario.ImportAsync(rep, customer, $"w.{Guid.NewGuid():N}@customer.test", "水曜の返信", 60, received: true);
        var other = await _scenario.SendAsync(rep, "すぐ送った", 30, [customer]);

        await MarkSentAsync(early, TimelineScenario.At(120));
        await MarkSentAsync(other, TimelineScenario.At(30));

        var page = (await _scenario.Services.Get<ListTimelineQuery>().ListAsync(rep, customer.Id, null, 100, CancellationToken.None)).Items;
        Assert.Equal(["水曜に書いた", "水曜の返信", "すぐ送った"], page.Select(i => i.Subject));
        Assert.Equal(TimelineScenario.At(120), page[0].OccurredAt);

        // Keyset paging over the moved row: each row once, in the same order.
        var first = (await _scenario.Services.Get<ListTimelineQuery>().ListAsync(rep, customer.Id, null, 1, CancellationToken.None)).Items;
        var rest = (await _scenario.Services.Get<ListTimelineQuery>().ListAsync(rep, customer.Id, TimelinePageKey.After(first[^1]), 100, CancellationToken.None)).Items;
        Assert.Equal(page.Select(i => i.Id), first.Concat(rest).Select(i => i.Id));

        var individual = await _scenario.Services.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 10, CancellationToken.None);
        Assert.Equal(["水曜に書いた", "すぐ送った"], individual.Items.Select(m => m.Subject));
        Assert.Equal(TimelineScenario.At(120), individual.Items[0].ShownAt);
    }

    [Fact]
    public async Task IndividualMail_ScheduledMail_SortsByItsScheduledTime()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("予約順");
        var later = await _scenario.SendAsync(rep, "先に書いた予約", 0, [customer]);
        var sent = await _scenario.SendAsync(rep, "後に書いて送った", 10, [customer]);
        await MarkSentAsync(sent, TimelineScenario.At(10));
        await ExecuteAsync(
            "UPDATE outgoing_mails SET status = 'scheduled', scheduled_at = @at WHERE id = @id", new { at = TimelineScenario.At(600), id = later.Id });

        var individual = await _scenario.Services.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 10, CancellationToken.None);
        var timeline = (await _scenario.Services.Get<ListTimelineQuery>().ListAsync(rep, customer.Id, null, 100, CancellationToken.None)).Items;

        Assert.Equal(["先に書いた予約", "後に書いて送った"], individual.Items.Select(m => m.Subject));
        Assert.Equal(["先に書いた予約", "後に書いて送った"], timeline.Select(i => i.Subject));
        Assert.Equal(TimelineScenario.At(600), timeline[0].OccurredAt);
    }

    private async Task MarkSentAsync(OutgoingMail mail, DateTimeOffset at)
    {
        await ExecuteAsync("UPDATE outgoing_mails SET status = 'sending' WHERE id = @id", new { id = mail.Id });
        var outbox = _scenario.Services.Get<IOutgoingMailRepository>();
        await outbox.MarkSmtpAcceptedAsync(mail.Id, at, CancellationToken.None);
        await outbox.MarkSentAsync([mail.Id], at.AddSeconds(2), copySaved: true, CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await _scenario.Services.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, args);
    }
}
