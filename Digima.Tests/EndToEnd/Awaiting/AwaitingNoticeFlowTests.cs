using System.Text.RegularExpressions;
using Digima.Core.Accounts;
using Digima.Core.Awaiting.Notices;
using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Digima.Core.Notifications;
using Digima.Core.Scheduling.Calendar;
using Digima.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Awaiting;

/// <summary>The 返信待ち notices as a rep meets them: the two switches in 個人設定, a customer's
/// reply appearing under the bell while the rep is on another page, the daily summary, and where
/// each one leads.</summary>
[Collection(AppCollection.Name)]
public sealed class AwaitingNoticeFlowTests(AppFixture app)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Preferences_TurnBothNoticesOff_SavedAndShownAfterReload()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "通知 設定");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/preferences");
        var reply = page.GetByRole(AriaRole.Switch, new() { Name = "顧客から返信があったら通知する" });
        var summary = page.GetByRole(AriaRole.Switch, new() { Name = "返信待ちのまとめを毎朝9:00に通知する（2営業日以上）" });
        await Assertions.Expect(reply).ToBeCheckedAsync();
        await Assertions.Expect(summary).ToBeCheckedAsync();
        await summary.ScrollIntoViewIfNeededAsync();
        await AppFixture.ScreenshotAsync(page, "notification-preferences");

        await reply.ClickAsync();
        await Assertions.Expect(reply).Not.ToBeCheckedAsync();
        await summary.ClickAsync();
        await Assertions.Expect(summary).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByText("通知設定を保存しました。").First).ToBeVisibleAsync();

        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(reply).Not.ToBeCheckedAsync();
        await Assertions.Expect(summary).Not.ToBeCheckedAsync();
        Assert.Equal(new NotificationSettings(false, false, false), await app.Get<GetNotificationSettingsQuery>().GetAsync(rep.AsActor(), CancellationToken.None));
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Reply_ArrivesWhileOnAnotherPage_ShownLiveUnderTheBell_OpensCustomer_SummaryOpensAwaiting()
    {
        var rep = await app.AddConnectedRepAsync("返信通知 担当");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("返信", "次郎", "返信工業");
        // The mailbox's first import is behind it, as for a rep who has worked with it a while.
        await app.SyncUntilAsync(actor, async () => await app.Get<IImportedMailRepository>().GetCursorAsync(rep.Id, ImportFolder.Inbox, CancellationToken.None) is not null,
            "The mailbox was never synced.");
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/individual");

        var message = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "納期について", "<p>納期を教えてください。</p>");
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        // The IDLE listener imports it; a sync here only makes sure, as the periodic job would.
        await app.SyncUntilAsync(actor, async () => (await app.Get<ListNotificationsQuery>().ListAsync(actor, CancellationToken.None)).Items
            .Any(n => n.Kind == NotificationKind.CustomerReplied), "No reply notice.");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("返信 次郎 様から返信がありました：「納期について」", Live);
        await Assertions.Expect(page.GetByTestId("notification-count")).ToContainTextAsync("1", Live);

        // The next business day after tomorrow at 9:30: the reply has waited 2 business days.
        await GiveSummaryAsync(rep);
        await Assertions.Expect(page.GetByTestId("notification-count")).ToContainTextAsync("2", Live);

        await page.GetByTestId("notification-button").ClickAsync();
        var items = page.GetByTestId("notification-item");
        await Assertions.Expect(items.Filter(new() { HasText = "2営業日以上返信待ちの顧客が 1 件あります（最も長いのは 返信 次郎 様）" })).ToHaveCountAsync(1);
        var replyItem = items.Filter(new() { HasText = "返信 次郎 様から返信がありました：「納期について」" });
        await Assertions.Expect(replyItem).ToHaveCountAsync(1);
        await AppFixture.ScreenshotAsync(page, "awaiting-notices");

        await replyItem.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/customers/{customer.Id}$"));
        await Assertions.Expect(page.GetByTestId("timeline-mail").First).ToContainTextAsync("納期について");

        await page.GetByTestId("notification-button").ClickAsync();
        await page.GetByTestId("notification-item").Filter(new() { HasText = "2営業日以上返信待ち" }).ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/awaiting");
        await Assertions.Expect(page.Locator($"[data-testid='awaiting-row'][data-customer-id='{customer.Id}']")).ToHaveCountAsync(1);
    }

    /// <summary>The rep's summary as the 9:00 job gives it on a business day two business days
    /// from now, for this rep only: the job itself would visit every rep of the shared database
    /// (and is off in browser tests; its own tests run it with a controlled clock).</summary>
    private async Task GiveSummaryAsync(User rep)
    {
        var zone = TimeZones.Find(rep.TimeZoneId);
        var calendar = await app.Get<IBusinessCalendarRepository>().GetAsync(CancellationToken.None);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        day = calendar.NextBusinessDay(calendar.NextBusinessDay(day));
        var id = await app.Get<IAwaitingNoticeRepository>().InsertSummaryAsync(
            rep.Id, day, AwaitingSummaryRule.ReceivedBefore(day, calendar, zone), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.NotNull(id);
        await app.Get<ILiveEvents>().PublishAsync(new NotificationCreated(id.Value, rep.Id), CancellationToken.None);
    }
}
