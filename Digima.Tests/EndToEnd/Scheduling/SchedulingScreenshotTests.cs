using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Scheduling;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Scheduling;

/// <summary>docs/screenshots: compose with 「予約送信」 open, and 個別メール filtered by 「予約」.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class SchedulingScreenshotTests(AppFixture app)
{
    [Fact]
    public async Task Screens_ComposeWithScheduleOpen_IndividualMailScheduled()
    {
        var user = await app.AddConnectedRepAsync("佐藤 健太");
        var rep = user.AsActor();
        var tatsumi = await app.AddCustomerAsync("巽", company: "株式会社たつみ");
        var hasumi = await app.AddCustomerAsync("蓮見", company: "蓮見商事株式会社");
        var nextDay = SendTimeRules.NextBusinessDayNine(DateTimeOffset.UtcNow, "Asia/Tokyo");
        await ScheduleAsync(rep, hasumi, "【ご案内】年末キャンペーンのお知らせ", nextDay);
        await ScheduleAsync(rep, tatsumi, "打ち合わせ日程のご相談", nextDay.AddDays(1).AddHours(1.5));

        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={tatsumi.Id}");
        await page.GetByTestId("compose-subject").FillAsync("{{会社名}} 御中 新製品カタログのご案内");
        await page.GetByTestId("compose-body").FillAsync("{{姓}} 様\n\nいつもお世話になっております。新製品のカタログをお送りします。\nよろしくお願いいたします。");
        await page.GetByTestId("schedule-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedule-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("send-at-business-day").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-at")).ToHaveValueAsync(nextDay.ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.WaitForTimeoutAsync(500); // the dialog's opening animation
        await AppFixture.ScreenshotAsync(page, "compose-schedule");

        await page.GotoAsync("/mail/individual?filter=scheduled");
        await AppFixture.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("mail-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First.GetByTestId("mail-status")).ToHaveTextAsync("予約");
        await AppFixture.ScreenshotAsync(page, "individual-mail-scheduled");
    }

    private async Task ScheduleAsync(CurrentUser rep, Customer to, string subject, DateTime localTokyo)
    {
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
            Subject = subject,
            Body = "{{姓}} 様\n\nいつもお世話になっております。\nよろしくお願いいたします。",
        };
        var outcome = await app.Get<ScheduleMailCommand>().ScheduleAsync(rep, input, localTokyo, "Asia/Tokyo", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
    }
}
