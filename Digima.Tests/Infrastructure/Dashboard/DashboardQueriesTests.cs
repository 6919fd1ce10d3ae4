using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Dashboard;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Dashboard;

/// <summary>「ダッシュボード」's numbers over real mail: app mail sent through Postfix, opens and
/// clicks recorded as the tracking endpoints record them, the reps' own mail and the customers'
/// replies imported from Dovecot; weeks cut at Monday midnight in the manager's zone.</summary>
public sealed class DashboardQueriesTests : IAsyncLifetime
{
    private const string Browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
    private const string Tokyo = "Asia/Tokyo";

    private ImportScenario _s = default!;
    private CurrentUser _colleague = default!;
    private CurrentUser _manager = default!;

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("dashboard", new Dictionary<string, string?> { ["Digima:Tracking:PublicBaseUrl"] = "https://track.digima.test" });
        _colleague = await _s.Services.AddUserAsync(UserRole.Rep, ImportScenario.NewAddress("col", "digima.test"));
        await TestMailboxes.ConnectAsync(_s.Services.Provider, _colleague);
        _manager = (await _s.Services.AddUserAsync(UserRole.Manager)) with { TimeZoneId = Tokyo };
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private ServiceHarness Services => _s.Services;

    private DateTimeOffset Now => Services.Clock.GetUtcNow();

    [Fact]
    public async Task Get_SentOpenedClickedReplied_PerRepAndWeekCutAtMondayInManagersZone()
    {
        var (monday, boundary) = NextMonday();
        var c1 = await Services.AddCustomerAsync("週前");
        var c2 = await Services.AddCustomerAsync("週後");
        var c3 = await Services.AddCustomerAsync("同僚先");
        // c3 wrote to the colleague before the colleague's mail: that mail has no reply.
        await RawImapAppender.AppendAsync(_colleague.Email, "INBOX", null, [RawMail.Create(c3.Email, _colleague.Email, "before", date: boundary.AddHours(-2)).Text("UTF-8", "先に").ToBytes()]);
        await Services.Get<Digima.Core.MailImport.SyncMailboxCommand>().SyncAsync(_colleague.Id, CancellationToken.None);

        // Sunday 23:50 and Monday 00:10 in Tokyo: both on Sunday in UTC.
        Services.Clock.SetUtcNow(boundary.AddMinutes(-10));
        var m1 = await SendAsync(_s.Rep, c1, "資料 https://example.co.jp/a をご覧ください。", open: true, click: true);
        Services.Clock.SetUtcNow(boundary.AddMinutes(10));
        var m2 = await SendAsync(_s.Rep, c2, "ご確認ください。よろしくお願いいたします。", open: true, click: false);
        await SendAsync(_colleague, c3, "ご案内です。よろしくお願いいたします。", open: false, click: false);

        Services.Clock.Advance(TimeSpan.FromMinutes(30));
        await RecordAsync(m1.Id, TrackingKind.Open, Browser);
        await RecordAsync(m1.Id, TrackingKind.Click, Browser);
        // Apple's privacy proxy fetches with a bare user agent: only automatic.
        await RecordAsync(m2.Id, TrackingKind.Open, "Mozilla/5.0");

        // c2 answers m2; the rep writes to c1 from their own client (the app's Sent copies are not imported again).
        await _s.AppendAsync("INBOX", RawMail.Create(c2.Email, _s.Rep.Email, "Re: keisoku", date: Now).Text("UTF-8", "承知しました"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, c1.Email, "tsuishin", date: boundary.AddHours(1)).Text("UTF-8", "追伸です"));
        await _s.SyncAsync();

        var period = new DashboardPeriod(monday.AddDays(-7), monday.AddDays(6));
        var report = await Services.Get<GetDashboardQuery>().GetAsync(_manager, period, null, CancellationToken.None);

        Assert.Equal([monday.AddDays(-7), monday], report.Weeks);
        var rep = Assert.Single(report.Reps, r => r.RepId == _s.Rep.Id);
        Assert.Equal(new DashboardCounts { AppSent = 1, OpenTracked = 1, Opened = 1, Clicked = 1 }, rep.PerWeek[0]);
        Assert.Equal(new DashboardCounts { AppSent = 1, ClientSent = 1, OpenTracked = 1, AutoOpenedOnly = 1, Replied = 1 }, rep.PerWeek[1]);
        var colleague = Assert.Single(report.Reps, r => r.RepId == _colleague.Id);
        Assert.Equal([DashboardCounts.Zero, new DashboardCounts { AppSent = 1 }], colleague.PerWeek);
        Assert.Equal(4, report.Total.Sent);
        Assert.Equal(1.0 / 2, report.Total.OpenRate);

        // In UTC both app mails of the rep fall on the same Sunday, in the week before.
        var utc = await Services.Get<GetDashboardQuery>().GetAsync(_manager with { TimeZoneId = "Etc/UTC" }, period, _s.Rep.Id, CancellationToken.None);
        Assert.Equal(2, Assert.Single(utc.Reps).PerWeek[0].AppSent);

        // One rep only: the colleague's mail is not read.
        var sent = await Services.Get<IDashboardQueries>().SentPerWeekAsync(period, _colleague.Id, Tokyo, CancellationToken.None);
        Assert.Equal([new RepWeekSent(_colleague.Id, monday, 1, 0)], sent);
    }

    [Fact]
    public async Task Replied_FollowsTheCustomersMailAsItComesAndGoes_InAnyOrder()
    {
        var (monday, start) = NextMonday();
        var period = new DashboardPeriod(monday, monday.AddDays(6));
        var appTo = await Services.AddCustomerAsync("返信元");
        var clientTo = await Services.AddCustomerAsync("手元宛");
        var bccOnly = await Services.AddCustomerAsync("隠し宛");
        var lateCopy = await Services.AddCustomerAsync("後取込");

        Services.Clock.SetUtcNow(start.AddHours(10));
        await SendAsync(_s.Rep, appTo, "ご案内です。よろしくお願いいたします。", open: false, click: false);
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, clientTo.Email, "tebiki", date: start.AddHours(11))
            .Header("Bcc", bccOnly.Email).Text("UTF-8", "手元から"));
        await _s.SyncAsync();
        Assert.Equal(0, await RepliedAsync(period));

        // Bcc-only: the customer's mail does not answer ours; To does.
        await _s.AppendAsync("INBOX", RawMail.Create(bccOnly.Email, _s.Rep.Email, "kakushi", date: start.AddHours(12)).Text("UTF-8", "拝見しました"));
        await _s.SyncAsync();
        Assert.Equal(0, await RepliedAsync(period));
        await _s.AppendAsync("INBOX", RawMail.Create(clientTo.Email, _s.Rep.Email, "Re: tebiki", date: start.AddHours(13)).Text("UTF-8", "承知しました"));
        var appReplyId = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(appTo.Email, _s.Rep.Email, "Re: annai", appReplyId, date: start.AddHours(14)).Text("UTF-8", "ありがとうございます"));
        await _s.SyncAsync();
        Assert.Equal(2, await RepliedAsync(period));

        // The customer's answer is imported first, our older mail from the rep's client after it.
        await _s.AppendAsync("INBOX", RawMail.Create(lateCopy.Email, _s.Rep.Email, "shitsumon", date: start.AddHours(16)).Text("UTF-8", "質問です"));
        await _s.SyncAsync();
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, lateCopy.Email, "saki", date: start.AddHours(15)).Text("UTF-8", "先に送った分"));
        await _s.SyncAsync();
        Assert.Equal(3, await RepliedAsync(period));

        // The rep deletes the answer to the app mail: that mail is unanswered again.
        var reply = await _s.StoredAsync(appReplyId);
        Assert.True(await Services.Get<Digima.Core.MailImport.DeleteImportedMailCommand>().DeleteAsync(_s.Rep, reply.Id, CancellationToken.None));
        Assert.Equal(2, await RepliedAsync(period));
    }

    [Fact]
    public async Task Get_HeldAndFailedInPeriod_ListedWithCustomerReasonAndRep()
    {
        var today = DashboardPresets.Today(Services.Clock, Tokyo);
        var refused = await Services.AddCustomerAsync("失敗先", email: $"x.{Guid.NewGuid():N}"[..14] + "@refused.test");
        var held = await Services.AddCustomerAsync("保留先");
        var failed = await SendAsync(_s.Rep, refused, "届かないご案内です。よろしくお願いいたします。", open: false, click: false);
        Assert.Equal(MailStatus.Failed, failed.Status);
        var input = Input(held, "予約のご案内です。よろしくお願いいたします。", false, false);
        var at = TimeZones.ToUserTime(Now.AddDays(1), Tokyo).DateTime;
        var scheduled = await Services.Get<ScheduleMailCommand>().ScheduleAsync(_s.Rep, input, at, Tokyo, CancellationToken.None);
        Assert.True(await Services.Get<IScheduledMailRepository>().HoldAsync(scheduled.Value, "差し込み項目「会社名」が空です", HeldCause.Content, Now, CancellationToken.None));

        var report = await Services.Get<GetDashboardQuery>().GetAsync(_manager, new DashboardPeriod(today.AddDays(-1), today), null, CancellationToken.None);

        Assert.Equal(2, report.Problems.TotalCount);
        var heldRow = Assert.Single(report.Problems.Rows, r => r.Status == MailStatus.Held);
        Assert.Equal((scheduled.Value, held.Id, "差し込み項目「会社名」が空です", _s.Rep.Id), (heldRow.MailId, heldRow.CustomerId!.Value, heldRow.Reason, heldRow.RepId));
        var failedRow = Assert.Single(report.Problems.Rows, r => r.Status == MailStatus.Failed);
        Assert.Equal((failed.Id, refused.Id), (failedRow.MailId, failedRow.CustomerId!.Value));
        Assert.NotEmpty(failedRow.Reason);
        Assert.False(report.HasNoMail);

        var before = await Services.Get<GetDashboardQuery>().GetAsync(_manager, new DashboardPeriod(today.AddDays(-30), today.AddDays(-2)), null, CancellationToken.None);
        Assert.Equal(0, before.Problems.TotalCount);
        Assert.True(before.HasNoMail);

        // 個別メール narrowed to the rep's failed mail, as the row's link asks.
        var list = await Services.Get<ListIndividualMailQuery>().ListForRepAsync(_manager, _s.Rep.Id, new IndividualMailFilter(Status: MailStatus.Failed), 0, 25, CancellationToken.None);
        Assert.Equal([failed.Id], list.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Get_AsRep_Refused_AndRepCannotNarrowAnotherRepsList()
    {
        var today = DashboardPresets.Today(Services.Clock, Tokyo);
        var period = new DashboardPeriod(today.AddDays(-7), today);

        await Assert.ThrowsAsync<ForbiddenException>(() => Services.Get<GetDashboardQuery>().GetAsync(_s.Rep, period, null, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.Get<GetDashboardQuery>().GetAsync(_s.Rep, period, _colleague.Id, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Services.Get<ListIndividualMailQuery>().ListForRepAsync(_s.Rep, _colleague.Id, new IndividualMailFilter(Status: MailStatus.Sent), 0, 25, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Services.Get<GetDashboardQuery>().GetAsync(_manager, new DashboardPeriod(today, today.AddDays(-1)), null, CancellationToken.None));
    }

    [Fact]
    public async Task Get_WaitingCustomers_BucketedByBusinessDays_EachBarListsItsOwn()
    {
        var today = DashboardPresets.Today(Services.Clock, Tokyo);
        var customers = new List<(Customer Customer, DateOnly Day)>();
        foreach (var daysAgo in new[] { 0, 3, 20 })
        {
            var customer = await Services.AddCustomerAsync($"待ち{daysAgo}");
            var received = Now.AddDays(-daysAgo).AddMinutes(-1);
            customers.Add((customer, DateOnly.FromDateTime(TimeZones.ToUserTime(received, Tokyo).DateTime)));
            await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, $"soudan{daysAgo}", date: received).Text("UTF-8", "ご相談"));
        }

        await _s.SyncAsync();
        var calendar = Digima.Core.Scheduling.Calendar.BusinessCalendar.Default;
        WaitingAgeBucket BucketOf(DateOnly day) => WaitingAgeBuckets.Of(calendar.BusinessDaysBetween(day, today));

        var report = await Services.Get<GetDashboardQuery>().GetAsync(_manager, new DashboardPeriod(today.AddDays(-7), today), _s.Rep.Id, CancellationToken.None);

        var expected = customers.GroupBy(c => BucketOf(c.Day)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(WaitingAgeBuckets.All.Select(b => new WaitingBucketCount(b, expected.GetValueOrDefault(b))), report.Waiting);
        Assert.Equal(WaitingAgeBucket.ElevenOrMore, expected.Keys.Max());

        foreach (var (customer, day) in customers)
        {
            var page = await Services.Get<Digima.Core.Awaiting.ListAwaitingReplyQuery>()
                .ListAsync(_manager, _s.Rep.Id, WaitingAgeBuckets.AgeRange(BucketOf(day)), null, CancellationToken.None);
            Assert.Equal([customer.Id], page.Rows.Select(r => r.Record.CustomerId));
        }

        var colleagues = await Services.Get<GetDashboardQuery>().GetAsync(_manager, new DashboardPeriod(today.AddDays(-7), today), _colleague.Id, CancellationToken.None);
        Assert.All(colleagues.Waiting, b => Assert.Equal(0, b.Count));
    }

    /// <summary>The next Monday in Tokyo at least a day ahead, and when it starts.</summary>
    private (DateOnly Monday, DateTimeOffset Start) NextMonday()
    {
        var monday = DashboardPeriod.WeekOf(DashboardPresets.Today(Services.Clock, Tokyo)).AddDays(7);
        return (monday, TimeZones.StartOfDay(monday, Tokyo));
    }

    private static ComposeInput Input(Customer to, string body, bool open, bool click) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = "計測",
        Body = body,
        OpenTracking = open,
        ClickTracking = click,
    };

    private Task<OutgoingMail> SendAsync(CurrentUser rep, Customer to, string body, bool open, bool click) =>
        Services.SendNowAndDeliverAsync(rep, Input(to, body, open, click));

    private async Task<int> RepliedAsync(DashboardPeriod period) =>
        (await Services.Get<IDashboardQueries>().RepliedPerWeekAsync(period, _s.Rep.Id, Tokyo, CancellationToken.None)).Sum(r => r.Count);

    private async Task RecordAsync(long mailId, TrackingKind kind, string agent)
    {
        var token = await Services.Get<ITrackingTokens>().CreateAsync(new TrackingTarget(mailId, kind), CancellationToken.None);
        await Services.Get<RecordTrackingEventCommand>().RecordAsync(token, kind, new TrackingVisitor(agent, "198.51.100.7"), CancellationToken.None);
    }
}
