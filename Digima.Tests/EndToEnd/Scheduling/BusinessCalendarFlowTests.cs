using System.Globalization;
using Digima.Core.Accounts;
using Digima.Core.Scheduling;
using Digima.Core.Scheduling.Calendar;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Scheduling;

/// <summary>「営業日カレンダー」 as a manager sets it and as a rep meets it in 予約送信 (B6).</summary>
[Collection(AppCollection.Name)]
public sealed class BusinessCalendarFlowTests(AppFixture app)
{
    private const string Zone = "Asia/Tokyo";

    [Fact]
    public async Task ManagerAddsCompanyHoliday_RepsNextBusinessDaySkipsIt_AndOffHoursTimesAreWarned()
    {
        var manager = await app.AddUserAsync(UserRole.Manager, "暦 管理");
        var today = DateOnly.FromDateTime(SendTimeRules.ToLocal(DateTimeOffset.UtcNow, Zone));
        var before = await app.Get<GetBusinessCalendarQuery>().GetAsync(CancellationToken.None);
        var holiday = before.NextBusinessDay(today);
        try
        {
            var settings = await app.OpenSignedInAsync(manager.Email, "/settings/business-calendar");
            await settings.GetByTestId("calendar-holiday-date").FillAsync(holiday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await settings.GetByTestId("calendar-holiday-name").FillAsync("創立記念日");
            await settings.GetByTestId("calendar-add-holiday").ClickAsync();
            var row = settings.GetByTestId("calendar-holiday-row").Filter(new() { HasText = "創立記念日" });
            await Assertions.Expect(row).ToContainTextAsync(holiday.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            await AppFixture.ScreenshotAsync(settings, "business-calendar");

            var rep = await app.AddConnectedRepAsync("暦 担当");
            var customer = await app.AddCustomerAsync("暦先");
            var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
            await page.GetByTestId("compose-subject").FillAsync("営業日のご案内");
            await page.GetByTestId("compose-body").FillAsync("いつもお世話になっております。");
            await page.GetByTestId("schedule-send").ClickAsync();
            var dialog = page.GetByTestId("schedule-dialog");
            await dialog.GetByTestId("send-at-business-day").ClickAsync();

            var expected = (before with { CompanyHolidays = new Dictionary<DateOnly, string>(before.CompanyHolidays) { [holiday] = "創立記念日" } }).NextBusinessDay(today);
            await Assertions.Expect(dialog.GetByTestId("send-at")).ToHaveValueAsync(expected.ToDateTime(new TimeOnly(9, 0)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await Assertions.Expect(dialog.GetByTestId("send-at-concerns")).ToHaveCountAsync(0);

            // A Saturday night at least a week ahead, counted from today.
            var saturday = today.AddDays(7 + (((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7));
            await SetSendAtAsync(dialog, saturday.ToDateTime(new TimeOnly(22, 0)));
            var concerns = dialog.GetByTestId("send-at-concern");
            await Assertions.Expect(concerns).ToHaveTextAsync(["土曜日", "営業時間外（9:00〜18:00）"]);
            await AppFixture.ScreenshotAsync(page, "schedule-business-calendar-warning");

            await SetSendAtAsync(dialog, holiday.ToDateTime(new TimeOnly(10, 0)));
            await Assertions.Expect(concerns).ToHaveTextAsync(["会社の休日（創立記念日）"]);

            // A warning, never a block: the mail is scheduled on the company holiday as chosen.
            await page.GetByTestId("schedule-confirm").ClickAsync();
            await AppFixture.WaitForUrlAsync(page, "**/mail/individual?filter=scheduled", 30_000);

            var repSettings = await app.OpenSignedInAsync(rep.Email, "/settings/business-calendar");
            await Assertions.Expect(repSettings.GetByTestId("calendar-manager-only")).ToBeVisibleAsync();
            await Assertions.Expect(repSettings.GetByTestId("calendar-holiday-row").Filter(new() { HasText = "創立記念日" })).ToBeVisibleAsync();
            await Assertions.Expect(repSettings.GetByTestId("calendar-add-holiday")).ToHaveCountAsync(0);
        }
        finally
        {
            // The browser tests share one database: other tests' 「翌営業日」 must not meet this holiday.
            await app.Get<RemoveCompanyHolidayCommand>().RemoveAsync(manager.AsActor(), holiday, CancellationToken.None);
        }
    }

    private static async Task SetSendAtAsync(ILocator dialog, DateTime local)
    {
        await dialog.GetByTestId("send-at").FillAsync(local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await dialog.GetByTestId("send-at").BlurAsync();
    }
}
