using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Timeline;

public sealed class TimelineQueryTests : IAsyncLifetime
{
    private TimelineScenario _scenario = default!;

    public async Task InitializeAsync() => _scenario = await TimelineScenario.CreateAsync("timeline");

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private Task<TimelinePage> PageAsync(CurrentUser actor, long customerId, TimelinePageKey? after = null, int limit = 50) =>
        _scenario.Services.Get<ListTimelineQuery>().ListAsync(actor, customerId, after, limit, CancellationToken.None);

    [Fact]
    public async Task List_MailToTwoCustomersAndItsImportedCopy_OnceOnEachTimeline()
    {
        var rep = await _scenario.AddRepAsync();
        var (a, b) = (await _scenario.AddCustomerAsync("青木"), await _scenario.AddCustomerAsync("馬場"));
        var mail = await _scenario.SendAsync(rep, "ご案内", 1, [a, b]);
        // The copy the app put in Sent comes back through the import.
        await _scenario.ImportAsync(rep, a, mail.MessageId, "ご案内", 1, received: false);
        await _scenario.ImportAsync(rep, b, mail.MessageId, "ご案内", 1, received: false);

        foreach (var customer in new[] { a, b })
        {
            var item = Assert.Single((await PageAsync(rep, customer.Id)).Items);
            Assert.Equal(mail.Id, item.OutgoingMailId);
            Assert.Equal(TimelineDirection.Out, item.Direction);
            Assert.Equal(MailStatus.Queued, item.Status);
            Assert.Equal(rep.DisplayName, item.RepName);
            Assert.StartsWith("ご案内 の本文です。\n二行目", item.Preview, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_KeysetPages_NewestFirstEveryRowOnce()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("頁送");
        for (var i = 0; i < 25; i++)
        {
            await _scenario.SendAsync(rep, $"送信 {i}", i * 2, [customer]);
            await _scenario.ImportAsync(rep, customer, $"in{i}.{Guid.NewGuid():N}@customer.test", $"受信 {i}", (i * 2) + 1, received: true);
        }

        var seen = new List<TimelineItem>();
        TimelinePageKey? after = null;
        while (true)
        {
            var page = await PageAsync(rep, customer.Id, after, 7);
            seen.AddRange(page.Items);
            if (!page.HasMore)
            {
                break;
            }

            after = TimelinePageKey.After(page.Items[^1]);
        }

        Assert.Equal(50, seen.Select(i => i.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Select(i => i.Id), seen.Select(i => i.Id));
        Assert.Equal("受信 24", seen[0].Subject);
        Assert.Equal(TimelineDirection.In, seen[0].Direction);
    }

    [Fact]
    public async Task ListNew_ImportedOlderMailAfterTheScreenLoaded_IsReturned()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("追加");
        await _scenario.SendAsync(rep, "最初", 10, [customer]);
        var top = (await PageAsync(rep, customer.Id)).Items[0];

        await _scenario.ImportAsync(rep, customer, $"late.{Guid.NewGuid():N}@customer.test", "遅れて届いた", 5, received: true);

        var added = await _scenario.Services.Get<ListNewTimelineItemsQuery>().ListAsync(rep, customer.Id, top.Id, CancellationToken.None);
        Assert.Equal("遅れて届いた", Assert.Single(added).Subject);
    }

    [Fact]
    public async Task Events_SendFailureAndCustomerEdit_OnTheTimeline()
    {
        var rep = await _scenario.AddRepAsync();
        // A refused login fails at once (a server that cannot be reached is retried first).
        await TestMailboxes.ConnectAsync(_scenario.Services.Provider, rep, password: "not-the-password");
        var customer = await _scenario.AddCustomerAsync("事象");
        var input = new ComposeInput { Subject = "届かない件", Body = "本文です。よろしくお願いいたします。" };
        input.To.Add(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        Assert.True((await _scenario.Services.Get<SendMailCommand>().SendNowAsync(rep, input, CancellationToken.None)).Succeeded);
        var claimed = await _scenario.Services.Get<IOutgoingMailRepository>().ClaimNextQueuedAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        await _scenario.Services.Get<SendQueuedMailCommand>().SendAsync(claimed!, CancellationToken.None);
        var edit = CustomerInput.From(customer);
        edit.Company = "株式会社 事象";
        edit.Phone = "03-1234-5678";
        Assert.True((await _scenario.Services.Get<SaveCustomerCommand>().SaveAsync(rep, customer.Id, edit, CancellationToken.None)).Succeeded);

        var events = (await PageAsync(rep, customer.Id)).Items.Where(i => !i.IsMail).ToList();

        var failed = Assert.Single(events, e => e.EventKind == CustomerEventKind.Failed);
        Assert.Equal("届かない件", failed.Subject);
        Assert.Contains(rep.Email, failed.EventDetail, StringComparison.Ordinal);
        var changed = Assert.Single(events, e => e.EventKind == CustomerEventKind.ContactFieldChanged);
        Assert.Equal("Company,Phone", changed.EventDetail);
        Assert.Equal(rep.Id, changed.RepUserId);
    }

    [Fact]
    public async Task RecordAsync_PortForOtherFeatures_ShowsEveryKind()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("記録");
        var mail = await _scenario.SendAsync(rep, "追跡", 0, [customer]);
        var kinds = Enum.GetValues<CustomerEventKind>();

        await _scenario.Services.Get<ICustomerEventRecorder>().RecordAsync(
            kinds.Select((k, i) => new CustomerEvent(customer.Id, k, TimelineScenario.At(i + 1), rep.Id, mail.Id, k.Code())).ToList(), CancellationToken.None);

        var items = (await PageAsync(rep, customer.Id)).Items;
        Assert.Equal(kinds.Reverse(), items.Where(i => !i.IsMail).Select(i => i.EventKind!.Value));
        Assert.All(items.Where(i => !i.IsMail), e => Assert.Equal("追跡", e.Subject));
    }

    [Fact]
    public async Task Permissions_RepReadsAnyTimeline_ButNoRowOfAnotherCustomerAndNoOtherRepsDraft()
    {
        var owner = await _scenario.AddRepAsync();
        var otherRep = await _scenario.AddRepAsync();
        var manager = await _scenario.AddRepAsync(UserRole.Manager);
        var (mine, other) = (await _scenario.AddCustomerAsync("本人"), await _scenario.AddCustomerAsync("他人"));
        var mail = await _scenario.SendAsync(owner, "担当のメール", 0, [mine]);
        await _scenario.SendAsync(owner, "他の顧客", 1, [other]);
        var item = Assert.Single((await PageAsync(otherRep, mine.Id)).Items);
        var getMail = _scenario.Services.Get<GetTimelineMailQuery>();

        Assert.Equal("担当のメール", (await getMail.GetAsync(otherRep, mine.Id, item.Id, CancellationToken.None)).Item.Subject);
        await Assert.ThrowsAsync<NotFoundException>(() => getMail.GetAsync(otherRep, other.Id, item.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _scenario.Services.Get<GetThreadQuery>().GetAsync(manager, other.Id, item.Id, CancellationToken.None));
        Assert.False(item.CanBeContinuedBy(otherRep));
        Assert.True(item.CanBeContinuedBy(owner));
        Assert.True(item.CanBeContinuedBy(manager));
        var drafts = _scenario.Services.Get<DraftFromMailQuery>();
        await Assert.ThrowsAsync<NotFoundException>(() => drafts.ReplyToSentAsync(otherRep, mail.Id, CancellationToken.None));
        var reply = await drafts.ReplyToSentAsync(manager, mail.Id, CancellationToken.None);
        Assert.Equal("Re: 担当のメール", reply.Subject);
        Assert.Equal(mail.MessageId, reply.InReplyTo);
        Assert.Contains($"{owner.DisplayName} <{owner.Email}> さんは書きました：\n> 担当のメール の本文です。", reply.Body, StringComparison.Ordinal);
        Assert.Equal([mine.Id], reply.To.Select(r => r.CustomerId));
    }
}
