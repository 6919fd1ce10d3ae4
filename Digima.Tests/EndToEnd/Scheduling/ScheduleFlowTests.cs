using Digima.Core.Common;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Scheduling;

[Collection(AppCollection.Name)]
public sealed class ScheduleFlowTests(AppFixture app)
{
    [Fact]
    public async Task Rep_SchedulesWithShortcut_SeesItUnderScheduled_EditsAndCancels()
    {
        var rep = await app.AddConnectedRepAsync("予約 担当");
        var customer = await app.AddCustomerAsync("巽", company: "株式会社たつみ");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("compose-subject").FillAsync("{{会社名}} 御中 ご案内");
        await page.GetByTestId("compose-body").FillAsync("いつもお世話になっております。");
        await page.GetByTestId("schedule-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedule-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("send-at-business-day").ClickAsync();
        var businessDay = SendTimeRules.NextBusinessDayNine(DateTimeOffset.UtcNow, "Asia/Tokyo");
        await Assertions.Expect(page.GetByTestId("send-at")).ToHaveValueAsync(businessDay.ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture));
        await AppFixture.ScreenshotAsync(page, "schedule-dialog");
        await page.GetByTestId("schedule-confirm").ClickAsync();

        await AppFixture.WaitForUrlAsync(page, "**/mail/individual?filter=scheduled", 30_000);
        await AppFixture.WaitInteractiveAsync(page);
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "株式会社たつみ 御中 ご案内" });
        await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("予約");
        await Assertions.Expect(row.GetByTestId("mail-scheduled-at")).ToContainTextAsync(businessDay.ToString("yyyy/MM/dd 09:00", System.Globalization.CultureInfo.InvariantCulture));
        await AppFixture.ScreenshotAsync(page, "mail-scheduled");

        await row.GetByTestId("mail-edit").ClickAsync();
        var dialog = page.GetByTestId("edit-scheduled-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("send-at")).ToHaveValueAsync(businessDay.ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByTestId("edit-subject").FillAsync("{{会社名}} 御中 日程変更");
        // A day well ahead of the business-day default, counted from today so the test never expires.
        var newLocal = businessDay.Date.AddDays(10).AddHours(10).AddMinutes(30);
        await dialog.GetByTestId("send-at").FillAsync(newLocal.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByTestId("send-at").BlurAsync();
        await page.GetByTestId("edit-save").ClickAsync();
        await AppFixture.OrScreenshotAsync(page, "schedule-edit-failure", () => Assertions.Expect(dialog).ToHaveCountAsync(0));
        var edited = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "株式会社たつみ 御中 日程変更" });
        await Assertions.Expect(edited.GetByTestId("mail-scheduled-at")).ToContainTextAsync(newLocal.ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        await edited.GetByTestId("mail-cancel").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "はい、取り消します" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-empty")).ToBeVisibleAsync();

        var mail = (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 5, CancellationToken.None)).Items.Single();
        Assert.Equal(MailStatus.Cancelled, mail.Status);
        Assert.Equal(SendTimeRules.ToUtc(newLocal, "Asia/Tokyo"), mail.ScheduledAt);
        Assert.False(await app.Get<IScheduledSendTrigger>().ExistsAsync(mail.Id, CancellationToken.None));
    }
}
