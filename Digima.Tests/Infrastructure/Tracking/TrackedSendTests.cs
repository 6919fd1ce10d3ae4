using System.Text.RegularExpressions;
using Dapper;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Notifications;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Digima.Core.Tracking;
using Digima.Tests.Support;
using MimeKit;

namespace Digima.Tests.Infrastructure.Tracking;

/// <summary>Tracked mail through the real Postfix and Dovecot, then the customer's fetches as the
/// tracking endpoints pass them on.</summary>
public sealed partial class TrackedSendTests : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://track.digima.test";
    private const string Browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";

    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("tracked", new Dictionary<string, string?> { ["Digima:Tracking:PublicBaseUrl"] = PublicBaseUrl });
        _rep = await _services.AddUserAsync(Digima.Core.Accounts.UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Send_OpenAndClickTracking_HtmlCarriesImageAndRewrittenLinksSentCopyDoesNot()
    {
        var customer = await _services.AddCustomerAsync("開封");
        var mail = await SendAsync(customer, "資料はこちら https://example.co.jp/docs?a=1&b=2 です。", open: true, click: true);

        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        var pixel = Assert.Single(PixelUrls(received.HtmlBody));
        Assert.StartsWith(PublicBaseUrl + "/t/o/", pixel, StringComparison.Ordinal);
        var link = Assert.Single(Hrefs(received.HtmlBody));
        Assert.StartsWith(PublicBaseUrl + "/t/c/", link, StringComparison.Ordinal);
        Assert.Contains(">https://example.co.jp/docs?a=1&amp;b=2</a>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://example.co.jp/docs?a=1&b=2", received.TextBody, StringComparison.Ordinal);
        var copy = Assert.Single(await MailboxReader.FindAsync(_rep.Email, mail.MessageId, "Sent"));
        Assert.DoesNotContain("/t/", copy.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TrackingOff_NoImageNoRewrittenLinkNothingRecorded()
    {
        var customer = await _services.AddCustomerAsync("計測無");
        var mail = await SendAsync(customer, "詳細 https://example.co.jp/off をご覧ください。", open: false, click: false);

        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        Assert.DoesNotContain("<img", received.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicBaseUrl, received.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/t/", received.HtmlBody + received.TextBody, StringComparison.Ordinal);
        Assert.Equal(["https://example.co.jp/off"], Hrefs(received.HtmlBody));
        // A token made for this mail anyway (as if forged with the key) still records nothing.
        var token = await _services.Get<ITrackingTokens>().CreateAsync(new TrackingTarget(mail.Id, TrackingKind.Open), CancellationToken.None);
        await RecordAsync(token, TrackingKind.Open, Browser);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM tracking_events"));
    }

    [Fact]
    public async Task Open_PersonOneCustomer_StoredWithCustomerHashedIpAndRepNotifiedOnce()
    {
        var customer = await _services.AddCustomerAsync("閲覧");
        var mail = await SendAsync(customer, "ご確認ください。よろしくお願いいたします。", open: true, click: false, notify: true);
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        _services.Clock.Advance(TimeSpan.FromMinutes(5));

        await RecordAsync(TokenOf(Assert.Single(PixelUrls(received.HtmlBody))), TrackingKind.Open, Browser);
        _services.Clock.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(TokenOf(PixelUrls(received.HtmlBody)[0]), TrackingKind.Open, Browser);

        var stored = (await QueryEventsAsync(mail.Id)).ToList();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, e => Assert.Equal(customer.Id, e.CustomerId));
        Assert.All(stored, e => Assert.False(e.ProbablyAutomated));
        Assert.All(stored, e => Assert.Equal(Browser, e.UserAgent));
        Assert.All(stored, e => Assert.Matches("^[0-9a-f]{32}$", e.IpHash));
        var summary = Assert.Single(await _services.Get<GetTrackingSummaryQuery>().GetAsync(_rep, [mail.Id], CancellationToken.None));
        Assert.Equal((2, 0), (summary.Count, summary.AutomatedCount));
        var notifications = await _services.Get<ListNotificationsQuery>().ListAsync(_rep, CancellationToken.None);
        Assert.Equal(1, notifications.UnreadCount);
        Assert.Equal(mail.Id, Assert.Single(notifications.Items).MailId);
    }

    [Fact]
    public async Task Open_RepChoseEmail_NoticeArrivesInRepsInboxFromTheirOwnMailbox()
    {
        await _services.Get<SaveNotificationSettingsCommand>().SaveAsync(_rep, new NotificationSettings(EmailOnOpen: true), CancellationToken.None);
        var customer = await _services.AddCustomerAsync("通知メ");
        var mail = await SendAsync(customer, "ご確認ください。よろしくお願いいたします。", open: true, click: false, notify: true);
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        _services.Clock.Advance(TimeSpan.FromMinutes(5));

        await RecordAsync(TokenOf(PixelUrls(received.HtmlBody)[0]), TrackingKind.Open, Browser);

        var notification = Assert.Single((await _services.Get<ListNotificationsQuery>().ListAsync(_rep, CancellationToken.None)).Items);
        var notice = Assert.Single(await MailboxReader.WaitForAsync(_rep.Email, $"digima.notification.{notification.Id}@digima.test"));
        Assert.Equal("[Digima Mail] 開封通知: 計測テスト", notice.Subject);
        Assert.Equal(_rep.Email, notice.From.Mailboxes.Single().Address);
        Assert.Contains("「計測テスト」を開封しました", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MailToTwoCustomers_AttributedToTheMailOnlyAndNoticeNamesNobody()
    {
        var first = await _services.AddCustomerAsync("一人目");
        var second = await _services.AddCustomerAsync("二人目");
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(first.Id, first.Email, first.FullName)],
            Cc = [new ComposeRecipient(second.Id, second.Email, second.FullName)],
            Subject = "計測テスト",
            Body = "ご確認ください。よろしくお願いいたします。",
            OpenTracking = true,
            NotifyOnOpen = true,
        };
        var mail = await SendAsync(input);
        var received = Assert.Single(await MailboxReader.WaitForAsync(second.Email, mail.MessageId));
        _services.Clock.Advance(TimeSpan.FromMinutes(5));

        await RecordAsync(TokenOf(PixelUrls(received.HtmlBody)[0]), TrackingKind.Open, Browser);

        Assert.Null(Assert.Single(await QueryEventsAsync(mail.Id)).CustomerId);
        var notification = Assert.Single((await _services.Get<ListNotificationsQuery>().ListAsync(_rep, CancellationToken.None)).Items);
        Assert.Equal(("", null), (notification.Party, notification.CustomerId));
    }

    [Fact]
    public async Task Open_GoogleImageProxy_FirstFetchNotifiesLaterMarkedAndNoTimelineRows()
    {
        const string google = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
        var customer = await _services.AddCustomerAsync("代理");
        var mail = await SendAsync(customer, "ご確認ください。よろしくお願いいたします。", open: true, click: false, notify: true);
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        var pixel = TokenOf(PixelUrls(received.HtmlBody)[0]);
        _services.Clock.Advance(TimeSpan.FromMinutes(5));

        await RecordAsync(pixel, TrackingKind.Open, google);
        _services.Clock.Advance(TimeSpan.FromHours(1));
        await RecordAsync(pixel, TrackingKind.Open, google);

        var stored = await QueryEventsAsync(mail.Id);
        Assert.Equal([false, true], stored.Select(e => e.ProbablyAutomated));
        Assert.Equal(1, (await _services.Get<ListNotificationsQuery>().ListAsync(_rep, CancellationToken.None)).UnreadCount);
        // Opens are counted on the mail's row, not added as rows.
        Assert.Empty(await TimelineEventsAsync(customer));
    }

    [Fact]
    public async Task Click_GoodToken_OriginalUrlOnlyAndRecorded()
    {
        var customer = await _services.AddCustomerAsync("押下");
        var mail = await SendAsync(customer, "一 https://example.co.jp/one 二 http://example.com/two です。", open: false, click: true);
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        var links = Hrefs(received.HtmlBody);
        _services.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("https://example.co.jp/one", await RecordAsync(TokenOf(links[0]), TrackingKind.Click, Browser));
        Assert.Equal("http://example.com/two", await RecordAsync(TokenOf(links[1]), TrackingKind.Click, Browser));
        // A click token is not an image token, and a link position beyond the mail's links leads nowhere.
        Assert.Null(await RecordAsync(TokenOf(links[0]), TrackingKind.Open, Browser));
        var beyond = await _services.Get<ITrackingTokens>().CreateAsync(new TrackingTarget(mail.Id, TrackingKind.Click, 2), CancellationToken.None);
        Assert.Null(await RecordAsync(beyond, TrackingKind.Click, Browser));
        Assert.Equal(["https://example.co.jp/one", "http://example.com/two"], (await QueryEventsAsync(mail.Id)).Select(e => e.LinkUrl));
        // On the customer's timeline too, newest first, each with the link clicked.
        var clicks = await TimelineEventsAsync(customer);
        Assert.All(clicks, e => Assert.Equal(CustomerEventKind.Clicked, e.EventKind));
        Assert.Equal(["http://example.com/two", "https://example.co.jp/one"], clicks.Select(e => e.EventDetail));
    }

    private async Task<List<TimelineItem>> TimelineEventsAsync(Customer customer)
    {
        var page = await _services.Get<ListTimelineQuery>().ListAsync(_rep, customer.Id, null, 30, CancellationToken.None);
        return page.Items.Where(i => i.EventKind is not null).ToList();
    }

    private Task<OutgoingMail> SendAsync(Customer to, string body, bool open, bool click, bool notify = false) => SendAsync(new ComposeInput
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = "計測テスト",
        Body = body,
        OpenTracking = open,
        ClickTracking = click,
        NotifyOnOpen = notify,
    });

    private Task<OutgoingMail> SendAsync(ComposeInput input) => _services.SendNowAndDeliverAsync(_rep, input);

    private Task<string?> RecordAsync(string token, TrackingKind kind, string agent) =>
        _services.Get<RecordTrackingEventCommand>().RecordAsync(token, kind, new TrackingVisitor(agent, "198.51.100.7"), CancellationToken.None);

    private async Task<IEnumerable<TrackingEvent>> QueryEventsAsync(long mailId)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.QueryAsync<TrackingEvent>(
            "SELECT id, mail_id, customer_id, kind, link_url, occurred_at, user_agent, ip_hash, probably_automated FROM tracking_events WHERE mail_id = @mailId ORDER BY id",
            new { mailId });
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    internal static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    internal static List<string> PixelUrls(string? html) => ImagePattern().Matches(html ?? "").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    internal static List<string> Hrefs(string? html) => HrefPattern().Matches(html ?? "").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
