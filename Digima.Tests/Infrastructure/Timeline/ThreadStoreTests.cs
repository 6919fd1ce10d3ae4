using Digima.Core.Timeline;

namespace Digima.Tests.Infrastructure.Timeline;

/// <summary>Thread ids kept at write time, read back through 「スレッドを表示」's use case.</summary>
public sealed class ThreadStoreTests : IAsyncLifetime
{
    private TimelineScenario _scenario = default!;

    public async Task InitializeAsync() => _scenario = await TimelineScenario.CreateAsync("threads");

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private async Task<IReadOnlyList<TimelineMail>> ThreadOfAsync(Digima.Core.Common.CurrentUser actor, long customerId, string subject)
    {
        var items = (await _scenario.Services.Get<ListTimelineQuery>().ListAsync(actor, customerId, null, 100, CancellationToken.None)).Items;
        var item = items.First(i => i.Subject == subject);
        return await _scenario.Services.Get<GetThreadQuery>().GetAsync(actor, customerId, item.Id, CancellationToken.None);
    }

    [Fact]
    public async Task Thread_AcrossAppMailImportedMailAndTwoMailboxes_NewestFirstEachOnce()
    {
        var (sato, suzuki) = (await _scenario.AddRepAsync(), await _scenario.AddRepAsync());
        var customer = await _scenario.AddCustomerAsync("糸川");
        var first = await _scenario.SendAsync(sato, "お見積りの件", 0, [customer]);
        await _scenario.ImportAsync(sato, customer, first.MessageId, "お見積りの件", 0, received: false);
        var answer = $"a.{Guid.NewGuid():N}@customer.test";
        await _scenario.ImportAsync(sato, customer, answer, "Re: お見積りの件", 10, received: true, first.MessageId, first.MessageId);
        // The customer copied the other rep: the same mail in a second mailbox.
        await _scenario.ImportAsync(suzuki, customer, answer, "Re: お見積りの件", 10, received: true, first.MessageId, first.MessageId);
        await _scenario.ImportAsync(suzuki, customer, $"b.{Guid.NewGuid():N}@digima.test", "RE: お見積りの件", 20, received: false, answer, first.MessageId, answer);

        var thread = await ThreadOfAsync(sato, customer.Id, "お見積りの件");

        Assert.Equal(["RE: お見積りの件", "Re: お見積りの件", "お見積りの件"], thread.Select(m => m.Item.Subject));
        Assert.Equal(first.Id, thread[^1].Item.OutgoingMailId);
        Assert.Equal(TimelineDirection.In, thread[1].Item.Direction);
    }

    [Fact]
    public async Task Thread_ParentImportedAfterItsChild_ChildJoinsTheParentsThread()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("順不同");
        var (root, middle, child) = ($"r.{Guid.NewGuid():N}@x.test", $"m.{Guid.NewGuid():N}@x.test", $"c.{Guid.NewGuid():N}@x.test");
        // The child names only its parent (no References), and arrives first.
        await _scenario.ImportAsync(rep, customer, child, "Re: 納期", 20, received: true, middle);
        await _scenario.ImportAsync(rep, customer, middle, "Re: 納期", 10, received: false, root, root);
        await _scenario.ImportAsync(rep, customer, root, "納期", 0, received: true);

        var thread = await ThreadOfAsync(rep, customer.Id, "納期");

        Assert.Equal(3, thread.Count);
        Assert.All(thread, m => Assert.Equal(root, m.Item.ThreadId));
    }

    [Fact]
    public async Task Thread_SubjectChangedInTheExchange_SeparateThread()
    {
        var rep = await _scenario.AddRepAsync();
        var customer = await _scenario.AddCustomerAsync("件名変更");
        var first = await _scenario.SendAsync(rep, "定例会議の件", 0, [customer]);
        var changed = $"n.{Guid.NewGuid():N}@x.test";
        await _scenario.ImportAsync(rep, customer, changed, "Re: 請求書の再発行について", 5, received: true, first.MessageId, first.MessageId);
        await _scenario.SendAsync(rep, "Re: 請求書の再発行について", 9, [customer], changed, $"{first.MessageId} {changed}");

        Assert.Single(await ThreadOfAsync(rep, customer.Id, "定例会議の件"));
        var second = await ThreadOfAsync(rep, customer.Id, "Re: 請求書の再発行について");
        Assert.Equal(2, second.Count);
    }
}
