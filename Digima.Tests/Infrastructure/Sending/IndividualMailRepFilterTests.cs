using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Sending;

/// <summary>個別メール's per-rep filter: a manager reads any rep's list, a rep only their own.</summary>
public sealed class IndividualMailRepFilterTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("rep-filter");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Manager_ReadsARepsMailAndScheduledMail_AnotherRepIsRefused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        await TestMailboxes.ConnectAsync(_services.Provider, rep);
        var customer = await _services.AddCustomerAsync("絞込");
        var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "担当者別の確認", Body = "本文です。よろしくお願いいたします。" };
        Assert.True((await _services.Get<SendMailCommand>().SendNowAsync(rep, input, CancellationToken.None)).Succeeded);
        var at = TimeZones.ToUserTime(_services.Clock.GetUtcNow().AddDays(2), "Asia/Tokyo").DateTime;
        Assert.True((await _services.Get<ScheduleMailCommand>().ScheduleAsync(rep, input, at, "Asia/Tokyo", CancellationToken.None)).Succeeded);
        var list = _services.Get<ListIndividualMailQuery>();
        var scheduled = _services.Get<ListScheduledMailQuery>();

        Assert.Equal(2, (await list.ListForRepAsync(manager, rep.Id, 0, 25, CancellationToken.None)).TotalCount);
        Assert.Single((await scheduled.ListForRepAsync(manager, rep.Id, 0, 25, CancellationToken.None)).Items);
        Assert.Empty((await list.ListForRepAsync(manager, manager.Id, 0, 25, CancellationToken.None)).Items);
        await Assert.ThrowsAsync<ForbiddenException>(() => list.ListForRepAsync(other, rep.Id, 0, 25, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => scheduled.ListForRepAsync(other, rep.Id, 0, 25, CancellationToken.None));
    }
}
