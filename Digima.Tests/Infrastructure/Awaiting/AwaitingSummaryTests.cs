using Digima.Core.Accounts;
using Digima.Core.Awaiting.Notices;
using Digima.Core.Common;
using Digima.Core.Notifications;
using Digima.Core.Scheduling.Calendar;
using Digima.Tests.Infrastructure.MailImport;

namespace Digima.Tests.Infrastructure.Awaiting;

/// <summary>The daily 返信待ち summary (issue 17) with a controlled clock: from 9:00 in the rep's
/// zone on business days, once per local date, counting customers waiting 2+ business days.</summary>
public sealed class AwaitingSummaryTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");
    private ImportScenario _s = default!;

    /// <summary>A Wednesday (Tokyo) with Monday to Friday of its week all business days, ahead of today.</summary>
    private DateOnly _wednesday;

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("awaiting-summary");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tokyo).DateTime);
        _wednesday = Enumerable.Range(1, 400).Select(today.AddDays)
            .First(d => d.DayOfWeek == DayOfWeek.Wednesday && Enumerable.Range(-2, 5).All(i => BusinessCalendar.Default.IsBusinessDay(d.AddDays(i))));
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Run_Before9Nothing_After9OneNotice_AgainNothing_OneDayWaitNotCounted()
    {
        var old = await _s.AddCustomerAsync("二日待ち");
        var young = await _s.AddCustomerAsync("一日待ち");
        await ReceiveAsync(old, _wednesday.AddDays(-2));
        await ReceiveAsync(young, _wednesday.AddDays(-1));

        At(_wednesday, 8, 59);
        Assert.Equal(0, await RunAsync());
        Assert.Empty(await SummariesAsync());

        At(_wednesday, 9, 1);
        Assert.Equal(1, await RunAsync());
        var summary = Assert.Single(await SummariesAsync());
        Assert.Equal((1, "二日待ち", old.Id), (summary.ItemCount, summary.Party, summary.CustomerId));

        At(_wednesday, 9, 6);
        Assert.Equal(0, await RunAsync());
        Assert.Single(await SummariesAsync());
    }

    [Fact]
    public async Task Run_CompanyHolidayNothing_NextBusinessDayOne_WeekendNothing()
    {
        var customer = await _s.AddCustomerAsync("休日");
        await ReceiveAsync(customer, _wednesday.AddDays(-2));
        var thursday = _wednesday.AddDays(1);
        await _s.Services.Get<IBusinessCalendarRepository>().AddHolidayAsync(thursday, "創立記念日", _s.Rep.Id, DateTimeOffset.UtcNow, CancellationToken.None);

        At(thursday, 9, 30);
        Assert.Equal(0, await RunAsync());
        Assert.Empty(await SummariesAsync());

        At(_wednesday.AddDays(2), 9, 0);
        Assert.Equal(1, await RunAsync());
        At(_wednesday.AddDays(3), 10, 0);
        Assert.Equal(0, await RunAsync());
        At(_wednesday.AddDays(4), 10, 0);
        Assert.Equal(0, await RunAsync());
        Assert.Single(await SummariesAsync());
    }

    [Fact]
    public async Task Run_NobodyWaitsTwoDays_Nothing()
    {
        var customer = await _s.AddCustomerAsync("昨日");
        await ReceiveAsync(customer, _wednesday.AddDays(-1));

        At(_wednesday, 9, 30);

        Assert.Equal(0, await RunAsync());
        Assert.Empty(await SummariesAsync());
    }

    [Fact]
    public async Task Run_SwitchOff_Nothing()
    {
        var customer = await _s.AddCustomerAsync("オフ");
        await ReceiveAsync(customer, _wednesday.AddDays(-2));
        await _s.Services.Get<SaveNotificationSettingsCommand>().SaveAsync(_s.Rep, new NotificationSettings(false, AwaitingSummary: false), CancellationToken.None);

        At(_wednesday, 9, 30);

        Assert.Equal(0, await RunAsync());
        Assert.Empty(await SummariesAsync());
    }

    [Fact]
    public async Task Run_RepInAnotherZone_At9ThereNotAt9InTokyo()
    {
        var customer = await _s.AddCustomerAsync("時差");
        await ReceiveAsync(customer, _wednesday.AddDays(-3));
        await _s.ExecuteAsync("UPDATE users SET time_zone_id = 'Europe/London' WHERE id = @Id", new { _s.Rep.Id });
        var london = TimeZones.Find("Europe/London");

        // 9:30 in Tokyo is the night before in London.
        At(_wednesday, 9, 30);
        Assert.Equal(0, await RunAsync());

        var nineInLondon = _wednesday.ToDateTime(new TimeOnly(9, 5));
        _s.Services.Clock.SetUtcNow(new DateTimeOffset(nineInLondon, london.GetUtcOffset(nineInLondon)).ToUniversalTime());
        Assert.Equal(1, await RunAsync());
    }

    /// <summary>A mail from the customer received at 10:00 Tokyo on that day, imported.</summary>
    private async Task ReceiveAsync(Digima.Core.Customers.Customer customer, DateOnly day)
    {
        At(day, 12, 0);
        var date = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), Tokyo.GetUtcOffset(day.ToDateTime(new TimeOnly(10, 0))));
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, $"re {customer.Id}", date: date).Text("UTF-8", "本文"));
        Assert.Equal(1, (await _s.SyncAsync()).Imported);
    }

    private void At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        _s.Services.Clock.SetUtcNow(new DateTimeOffset(local, Tokyo.GetUtcOffset(local)).ToUniversalTime());
    }

    private Task<int> RunAsync() => _s.Services.Get<SendAwaitingSummariesCommand>().RunAsync(CancellationToken.None);

    private async Task<IReadOnlyList<Notification>> SummariesAsync() =>
        (await _s.Services.Get<ListNotificationsQuery>().ListAsync(_s.Rep, CancellationToken.None)).Items
            .Where(n => n.Kind == NotificationKind.AwaitingSummary).ToList();
}
