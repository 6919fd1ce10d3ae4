using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>docs/screenshots: the open notification (snackbar and bell) and 個別メール with 開封 and クリック.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class TrackingScreenshotTests(AppFixture app)
{
    /// <summary>Live updates cross the database (NOTIFY) before they reach the page: slower under load than a click.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task Screens_OpenNotification_Bell_IndividualMailWithOpens()
    {
        var rep = await app.AddConnectedRepAsync("佐藤 健太");
        var proxied = await TrackedMailScenario.SendAsync(app, rep, "【ご案内】年末キャンペーンのお知らせ", "柊木", "拓海");
        await TrackedMailScenario.SendAsync(app, rep, "打ち合わせ日程のご相談", "蓮見", "陽菜");
        var opened = await TrackedMailScenario.SendAsync(app, rep, "新製品カタログのご案内");
        var page = await new TrackingFlowTests(app).IndividualMailPageAsync(opened);
        // Apple Mail Privacy Protection's prefetch: 「自動取得の可能性」, no notice.
        using (var proxy = TrackingClient.Create(app.BaseUrl, "Mozilla/5.0"))
        {
            (await proxy.GetAsync(proxied.PixelPath)).Dispose();
        }

        using var customer = TrackingClient.Create(app.BaseUrl, TrackingFlowTests.Chrome);
        (await customer.GetAsync(opened.PixelPath)).Dispose();
        (await customer.GetAsync(opened.LinkPath)).Dispose();

        var snackbar = page.Locator(".mud-snackbar");
        await Assertions.Expect(snackbar).ToContainTextAsync("「新製品カタログのご案内」を開封しました", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("tracking-click-count")).ToContainTextAsync("1回", Live);
        await page.WaitForTimeoutAsync(1200); // the snackbar's fade-in
        await AppFixture.ScreenshotAsync(page, "tracking-notification");

        await snackbar.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(snackbar).ToHaveCountAsync(0);
        await page.GetByTestId("notification-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification-item")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(500); // the menu's opening animation
        await AppFixture.ScreenshotAsync(page, "notification-bell");

        await page.Mouse.ClickAsync(600, 700);
        await Assertions.Expect(page.GetByTestId("notification-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("tracking-open-automated")).ToContainTextAsync("自動取得の可能性 1", Live);
        await AppFixture.ScreenshotAsync(page, "individual-mail-tracking");
    }
}
