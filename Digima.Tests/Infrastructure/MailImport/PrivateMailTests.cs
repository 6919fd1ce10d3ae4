using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Notifications;
using Digima.Core.Timeline;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Private mail through the real import: the never-import list, 「非公開」 against
/// colleagues asking by id, the notice for customers a colleague registered, the body-view record.</summary>
public sealed class PrivateMailTests : IAsyncLifetime
{
    private ImportScenario _s = default!;
    private CurrentUser _colleague = default!;
    private CurrentUser _manager = default!;

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("private");
        _colleague = await _s.Services.AddUserAsync(UserRole.Rep);
        _manager = await _s.Services.AddUserAsync(UserRole.Manager);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private T Get<T>()
        where T : notnull => _s.Services.Get<T>();

    [Fact]
    public async Task Private_ColleagueAsksForTheBodyById_GetsNothing_RepAndManagerRead()
    {
        var customer = await _s.AddCustomerAsync("秘密");
        var id = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "personal matter", id).Text("UTF-8", "私的な本文"));
        await _s.SyncAsync();
        var mail = await _s.StoredAsync(id);
        var item = Assert.Single((await Get<ListTimelineQuery>().ListAsync(_s.Rep, customer.Id, null, 10, CancellationToken.None)).Items);

        await Assert.ThrowsAsync<NotFoundException>(() => Get<SetMailPrivateCommand>().SetAsync(_colleague, mail.Id, true, CancellationToken.None));
        await Get<SetMailPrivateCommand>().SetAsync(_s.Rep, mail.Id, true, CancellationToken.None);

        var seen = Assert.Single((await Get<ListTimelineQuery>().ListAsync(_colleague, customer.Id, null, 10, CancellationToken.None)).Items);
        Assert.True(seen.IsHidden);
        Assert.Equal("", seen.Subject);
        Assert.Equal("", seen.Preview);
        Assert.False(seen.CanBeContinuedBy(_colleague));
        Assert.True(Assert.Single(await Get<ListNewTimelineItemsQuery>().ListAsync(_colleague, customer.Id, 0, CancellationToken.None)).IsHidden);
        await Assert.ThrowsAsync<NotFoundException>(() => Get<GetTimelineMailQuery>().GetAsync(_colleague, customer.Id, item.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Get<GetThreadQuery>().GetAsync(_colleague, customer.Id, item.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Get<GetImportedMailQuery>().GetAsync(_colleague, mail.Id, CancellationToken.None));
        Assert.Empty(await Get<ListCustomerImportedMailQuery>().ListAsync(_colleague, customer.Id, 10, CancellationToken.None));
        Assert.Equal(0, await Get<MakeCustomerMailPrivateCommand>().MakePrivateAsync(_colleague, customer.Id, CancellationToken.None));

        Assert.Equal("私的な本文", (await Get<GetTimelineMailQuery>().GetAsync(_s.Rep, customer.Id, item.Id, CancellationToken.None)).BodyText);
        Assert.Equal("私的な本文", (await Get<GetTimelineMailQuery>().GetAsync(_manager, customer.Id, item.Id, CancellationToken.None)).BodyText);
        Assert.False(Assert.Single((await Get<ListTimelineQuery>().ListAsync(_manager, customer.Id, null, 10, CancellationToken.None)).Items).IsHidden);
    }

    [Fact]
    public async Task BodyViews_EachReadRecorded_OnlyManagersListThem()
    {
        var customer = await _s.AddCustomerAsync("記録");
        var id = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "audited", id).Text("UTF-8", "本文"));
        await _s.SyncAsync();
        var mail = await _s.StoredAsync(id);
        var item = Assert.Single((await Get<ListTimelineQuery>().ListAsync(_s.Rep, customer.Id, null, 10, CancellationToken.None)).Items);

        await Get<GetTimelineMailQuery>().GetAsync(_colleague, customer.Id, item.Id, CancellationToken.None);
        await Get<GetImportedMailQuery>().GetAsync(_s.Rep, mail.Id, CancellationToken.None);
        await Get<GetThreadQuery>().GetAsync(_manager, customer.Id, item.Id, CancellationToken.None);

        await Assert.ThrowsAsync<ForbiddenException>(() => Get<ListMailBodyViewsQuery>().ListAsync(_s.Rep, 50, CancellationToken.None));
        var views = (await Get<ListMailBodyViewsQuery>().ListAsync(_manager, 50, CancellationToken.None)).Where(v => v.MailId == mail.Id).ToList();
        Assert.Equal([_manager.DisplayName, _s.Rep.DisplayName, _colleague.DisplayName], views.Select(v => v.ViewerName));
        Assert.All(views, v => Assert.Equal("audited", v.Subject));
        Assert.All(views, v => Assert.Equal(_s.Rep.DisplayName, v.OwnerName));
    }

    [Fact]
    public async Task NeverImport_AddressOrDomainOnTheList_MailNotImported_SwitchedOffImportsAgain()
    {
        var family = await _s.AddCustomerAsync("家族", ImportScenario.NewAddress("mother", "family-home.test"));
        var friend = await _s.AddCustomerAsync("友人", ImportScenario.NewAddress("friend", "friends.test"));
        var customer = await _s.AddCustomerAsync("取引先");
        var save = Get<SaveNeverImportCommand>();
        Assert.False((await save.SaveAsync(_s.Rep, "not an address", true, CancellationToken.None)).Succeeded);
        Assert.True((await save.SaveAsync(_s.Rep, "@Family-Home.test", true, CancellationToken.None)).Succeeded);
        Assert.True((await save.SaveAsync(_s.Rep, friend.Email, true, CancellationToken.None)).Succeeded);
        var listed = await Get<ListNeverImportQuery>().ListAsync(_s.Rep, CancellationToken.None);
        Assert.Contains(new NeverImportEntry("family-home.test", true), listed);
        Assert.Contains(new NeverImportEntry("gmail.com", false), listed);

        await _s.AppendAsync("INBOX",
            RawMail.Create(family.Email, _s.Rep.Email, "from family").Text("UTF-8", "家族から"),
            RawMail.Create(friend.Email, _s.Rep.Email, "from friend").Text("UTF-8", "友人から"),
            RawMail.Create(customer.Email, _s.Rep.Email, "from customer").Header("Cc", family.Email).Text("UTF-8", "家族も Cc"),
            RawMail.Create(customer.Email, _s.Rep.Email, "business").Text("UTF-8", "仕事"));
        await _s.SyncAsync();
        Assert.Equal(["business"], (await _s.StoredAsync()).Select(m => m.Subject));

        await save.SaveAsync(_s.Rep, friend.Email, false, CancellationToken.None);
        await _s.AppendAsync("INBOX", RawMail.Create(friend.Email, _s.Rep.Email, "friend again").Text("UTF-8", "また"));
        await _s.SyncAsync();
        Assert.Equal(["business", "friend again"], (await _s.StoredAsync()).Select(m => m.Subject));
    }

    [Fact]
    public async Task Notice_CustomerAColleagueRegisteredLately_RepToldOnce_OneClickMakesTheirMailPrivate()
    {
        var byColleague = await RegisterAsync(_colleague, "同僚登録");
        var byRep = await RegisterAsync(_s.Rep, "自分登録");
        var older = await RegisterAsync(_colleague, "以前登録");
        await _s.ExecuteAsync("UPDATE customers SET created_at = @at WHERE id = @id", new { at = _s.Services.Clock.GetUtcNow().AddDays(-8), id = older.Id });
        foreach (var c in new[] { byColleague, byRep, older })
        {
            await _s.AppendAsync("INBOX", RawMail.Create(c.Email, _s.Rep.Email, $"hello {c.Id}").Text("UTF-8", "本文"));
        }

        await _s.SyncAsync();
        await _s.AppendAsync("INBOX", RawMail.Create(byColleague.Email, _s.Rep.Email, "second").Text("UTF-8", "二通目"));
        await _s.SyncAsync();

        var notices = (await Get<ListNotificationsQuery>().ListAsync(_s.Rep, CancellationToken.None)).Items;
        var notice = Assert.Single(notices, n => n.Kind == NotificationKind.RecentCustomerMail);
        Assert.Equal(byColleague.Id, notice.CustomerId);
        Assert.Equal(_colleague.DisplayName, notice.Subject);
        Assert.Equal("同僚登録", notice.Party);
        Assert.DoesNotContain((await Get<ListNotificationsQuery>().ListAsync(_colleague, CancellationToken.None)).Items, n => n.Kind == NotificationKind.RecentCustomerMail);

        Assert.Equal(2, await Get<MakeCustomerMailPrivateCommand>().MakePrivateAsync(_s.Rep, byColleague.Id, CancellationToken.None));
        Assert.Equal(2, await _s.ScalarAsync<long>("SELECT count(*) FROM imported_mails WHERE is_private"));
    }

    private async Task<Customer> RegisterAsync(CurrentUser actor, string lastName)
    {
        var input = new CustomerInput { LastName = lastName, Email = ImportScenario.NewAddress("c", "customer.test") };
        var outcome = await Get<SaveCustomerCommand>().SaveAsync(actor, 0, input, CancellationToken.None);
        return (await _s.CustomerAsync(outcome.Value))!;
    }
}
