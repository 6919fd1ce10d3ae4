using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Digima.Infrastructure.LiveUpdates;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>The customer opens and clicks a tracked mail; the rep's open browser shows it at once.</summary>
[Collection(AppCollection.Name)]
public sealed class TrackingFlowTests(AppFixture app)
{
    internal const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private const string GoogleProxy = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";

    /// <summary>Live updates cross the database (NOTIFY) before they reach the page: slower under load than a click.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task Open_CustomerOpensTrackedMail_RepSeesSnackbarBellAndOpenInIndividualMail()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "田中 開封", "新製品カタログのご案内");
        var page = await IndividualMailPageAsync(sent);
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "新製品カタログのご案内" });
        await Assertions.Expect(row.GetByTestId("tracking-open")).ToContainTextAsync("開封");

        using var http = TrackingClient.Create(app.BaseUrl, Chrome);
        using var image = await http.GetAsync(sent.PixelPath);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/gif", image.Content.Headers.ContentType?.MediaType);
        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = "「新製品カタログのご案内」を開封しました" });
        await Assertions.Expect(snackbar).ToContainTextAsync("鷲尾 美咲 様", Live);
        await Assertions.Expect(page.GetByTestId("notification-count")).ToContainTextAsync("1", Live);
        await Assertions.Expect(row.GetByTestId("tracking-open-count")).ToContainTextAsync("1回", Live);

        using var click = await http.GetAsync(sent.LinkPath);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal(TrackedMailScenario.Link, click.Headers.Location?.OriginalString);
        await Assertions.Expect(row.GetByTestId("tracking-click-count")).ToContainTextAsync("1回", Live);

        await page.GetByTestId("notification-button").ClickAsync();
        var item = page.GetByTestId("notification-item").Filter(new() { HasText = "新製品カタログのご案内" });
        await Assertions.Expect(item).ToContainTextAsync("鷲尾 美咲 様が「新製品カタログのご案内」を開封しました");
        await item.ClickAsync();
        // What the rep sees: the customer's profile, then the bell without the unread mark.
        await Assertions.Expect(page.GetByTestId("profile-name")).ToHaveTextAsync(sent.Customer.FullName, new() { Timeout = Live.Timeout });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/customers/{sent.Customer.Id}$"));
        await Assertions.Expect(page.GetByTestId("notification-count")).Not.ToContainTextAsync("1", Live);

        // The customer's timeline: the open counted on the mail's row (no row of its own), the
        // link's first click as an event.
        var mailRow = page.GetByTestId("timeline-mail").Filter(new() { HasText = "新製品カタログのご案内" });
        await Assertions.Expect(mailRow.GetByTestId("timeline-tracking-open")).ToContainTextAsync("1回");
        await Assertions.Expect(mailRow.GetByTestId("timeline-tracking-click")).ToContainTextAsync("1回");
        await Assertions.Expect(page.GetByTestId("timeline-event-text").Filter(new() { HasText = TrackedMailScenario.Link })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("timeline-event")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Open_GoogleImageProxy_FirstFetchNotifiesLaterFetchesMarkedWithHelp()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "高橋 代理", "見積書送付のご連絡");
        var page = await IndividualMailPageAsync(sent);
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "見積書送付のご連絡" });

        // Gmail fetches through its proxy when the reader opens the mail: that is the open.
        using (var gmail = TrackingClient.Create(app.BaseUrl, GoogleProxy, client: 21))
        {
            (await gmail.GetAsync(sent.PixelPath)).Dispose();
        }

        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = "「見積書送付のご連絡」を開封しました" });
        await Assertions.Expect(snackbar).ToContainTextAsync("鷲尾 美咲 様", Live);
        await Assertions.Expect(row.GetByTestId("tracking-open-count")).ToContainTextAsync("1回", Live);

        // Google refreshing its copy from another of its addresses, and Apple Mail Privacy
        // Protection prefetching: counted apart, no notice.
        using (var gmailAgain = TrackingClient.Create(app.BaseUrl, GoogleProxy, client: 22))
        using (var apple = TrackingClient.Create(app.BaseUrl, "Mozilla/5.0", client: 23))
        {
            (await gmailAgain.GetAsync(sent.PixelPath)).Dispose();
            (await apple.GetAsync(sent.PixelPath)).Dispose();
        }

        var automated = row.GetByTestId("tracking-open-automated");
        await Assertions.Expect(automated).ToContainTextAsync("自動取得の可能性 2", Live);
        await Assertions.Expect(row.GetByTestId("tracking-open-count")).ToContainTextAsync("1回");
        await automated.HoverAsync();
        var help = page.Locator(".mud-tooltip");
        await Assertions.Expect(help).ToBeVisibleAsync();
        await Assertions.Expect(help).ToContainTextAsync("人が読んだとは限らない取得の回数です");
        await Assertions.Expect(help).ToContainTextAsync("Gmail の画像プロキシによる2回目以降の取得");
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM notifications WHERE mail_id = @Id", new { sent.Mail.Id }));
    }

    [Fact]
    public async Task Open_MailToTwoCustomers_NoticeSaysOneOfTheRecipients()
    {
        var rep = await app.AddConnectedRepAsync("久保 合同");
        var to = new[] { await TrackedMailScenario.AddCustomerAsync(app, "久保田", "真一"), await TrackedMailScenario.AddCustomerAsync(app, "大久保", "由美") };
        var sent = await TrackedMailScenario.SendAsync(app, rep, "合同説明会のご案内", to);
        var page = await IndividualMailPageAsync(sent);

        using (var reader = TrackingClient.Create(app.BaseUrl, Chrome, client: 31))
        {
            (await reader.GetAsync(sent.PixelPath)).Dispose();
        }

        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = "合同説明会のご案内" });
        await Assertions.Expect(snackbar).ToContainTextAsync("宛先のいずれかが「合同説明会のご案内」を開封しました", Live);
        await page.GetByTestId("notification-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification-item")).ToContainTextAsync("宛先のいずれかが「合同説明会のご案内」を開封しました");
    }

    [Fact]
    public async Task Open_RepeatedOpensOfOneMail_FoldIntoMailRowWithCountFirstAndLast()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "岡田 折畳", "ご提案資料の送付");
        var page = await app.OpenSignedInAsync(sent.Rep.Email, $"/customers/{sent.Customer.Id}");
        var mailRow = page.GetByTestId("timeline-mail").Filter(new() { HasText = "ご提案資料の送付" });
        await Assertions.Expect(mailRow).ToBeVisibleAsync();

        // The customer reads it at work and again on the phone: two people's opens, seen live.
        using (var office = TrackingClient.Create(app.BaseUrl, Chrome, client: 41))
        {
            (await office.GetAsync(sent.PixelPath)).Dispose();
        }

        await Assertions.Expect(mailRow.GetByTestId("timeline-tracking-open-count")).ToContainTextAsync("1回", Live);
        using (var phone = TrackingClient.Create(app.BaseUrl, Phone, client: 42))
        {
            (await phone.GetAsync(sent.PixelPath)).Dispose();
        }

        await Assertions.Expect(mailRow.GetByTestId("timeline-tracking-open-count")).ToContainTextAsync("2回", Live);
        await Assertions.Expect(mailRow.GetByTestId("timeline-tracking-open-last")).ToContainTextAsync("最終");
        await Assertions.Expect(page.GetByTestId("timeline-event")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timeline-mail")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Fetch_ForgedOrUnknownToken_SameImageAndBare404()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "伊藤 偽造", "偽造トークンの確認");
        using var http = TrackingClient.Create(app.BaseUrl, Chrome);
        var good = await http.GetByteArrayAsync(sent.PixelPath);
        var token = sent.PixelPath[(sent.PixelPath.LastIndexOf('/') + 1)..];
        var forged = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        foreach (var path in new[] { $"/t/o/{forged}", "/t/o/unknown", "/t/o/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(good, await response.Content.ReadAsByteArrayAsync());
        }

        var linkToken = sent.LinkPath[(sent.LinkPath.LastIndexOf('/') + 1)..];
        foreach (var path in new[] { $"/t/c/{linkToken[..^1]}{(linkToken[^1] == 'A' ? 'B' : 'A')}", "/t/c/unknown", $"/t/c/{token}" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Null(response.Headers.Location);
        }

        Assert.Equal(1, await app.Database.DataSource.CreateCommand($"SELECT count(*)::int FROM tracking_events WHERE mail_id = {sent.Mail.Id}").ExecuteScalarAsync());
    }

    [Fact]
    public async Task Circuit_Closed_LeavesNoLiveSubscription()
    {
        var hub = app.Get<LocalLiveEventHub>();
        var rep = await app.AddUserAsync(Digima.Core.Accounts.UserRole.Rep, "山本 購読");
        // Pages of the tests before this one closed now, not while this one counts.
        await app.CloseAllPagesAsync();
        var page = await app.NewPageAsync();
        // Their circuits may still be closing: count once they are gone.
        var before = await StableCountAsync(hub);
        await AppFixture.SignInAsync(page, rep.Email);
        await page.GotoAsync("/mail/individual");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mail-empty")).ToBeVisibleAsync();
        var open = hub.SubscriptionCount;
        Assert.True(open >= before + 4, $"bell and 個別メール subscribe: {before} -> {open}");

        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        // Back to where it was: neither the circuit nor the prerendered page keeps a subscription.
        while (hub.SubscriptionCount > before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"subscriptions left after the circuit closed: {hub.SubscriptionCount}, before {before}");
            await Task.Delay(200);
        }
    }

    private static async Task<int> StableCountAsync(LocalLiveEventHub hub)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var count = hub.SubscriptionCount;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < TimeSpan.FromSeconds(2) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            if (hub.SubscriptionCount != count)
            {
                (count, since) = (hub.SubscriptionCount, DateTime.UtcNow);
            }
        }

        return count;
    }

    internal async Task<IPage> IndividualMailPageAsync(TrackedMailScenario sent)
    {
        var page = await app.OpenSignedInAsync(sent.Rep.Email, "/mail/individual");
        await Assertions.Expect(page.GetByTestId("mail-table").Locator("tbody tr").First).ToContainTextAsync("送信済み");
        return page;
    }
}
