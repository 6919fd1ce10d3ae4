using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Dashboard;

/// <summary>「ダッシュボード」 as a manager uses it: the numbers and charts of a team's mail, a rep's
/// number leading to that rep's 「個別メール」 in the period, a 返信待ち bar to those customers; a
/// rep is refused.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardFlowTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Manager_SeesTeamNumbersAndCharts_ClicksThroughToTheListsBehind()
    {
        var sato = await app.AddConnectedRepAsync("ダッシュ 佐藤");
        var suzuki = await app.AddConnectedRepAsync("ダッシュ 鈴木");
        var manager = await app.AddUserAsync(UserRole.Manager, "ダッシュ 管理者");
        var answers = await app.AddCustomerAsync("返信", "太郎", "返信商事");
        var quiet = await app.AddCustomerAsync("無言", "次郎", "無言工業");
        var reader = await app.AddCustomerAsync("開封", "三郎", "開封物産");
        var asks = await app.AddCustomerAsync("質問", "花子", "質問興業");

        // Mail each rep sent from their own client over the last weeks, and the customers' answers.
        var now = DateTimeOffset.Now;
        await AppendAsync(sato, "Sent", sato.Email, answers.Email, "見積もりの件", now.AddDays(-7));
        await AppendAsync(sato, "INBOX", answers.Email, sato.Email, "Re: 見積もりの件", now.AddDays(-6));
        foreach (var daysAgo in new[] { 14, 21, 35 })
        {
            await AppendAsync(sato, "Sent", sato.Email, quiet.Email, $"ご挨拶 {daysAgo}", now.AddDays(-daysAgo));
        }

        await AppendAsync(suzuki, "Sent", suzuki.Email, asks.Email, "新製品のご案内", now.AddDays(-3));
        await AppendAsync(suzuki, "INBOX", asks.Email, suzuki.Email, "Re: 新製品のご案内", now.AddHours(-1));
        foreach (var daysAgo in new[] { 10, 28 })
        {
            await AppendAsync(suzuki, "Sent", suzuki.Email, quiet.Email, $"定期連絡 {daysAgo}", now.AddDays(-daysAgo));
        }

        await app.SyncUntilImportedAsync(sato.AsActor(), MailDirection.Sent, 4);
        await app.SyncUntilImportedAsync(suzuki.AsActor(), MailDirection.Sent, 3);
        await app.SyncUntilImportedAsync(suzuki.AsActor(), MailDirection.Received, 1);

        // From the app: two tracked mails, one opened by the customer; a held and a failed one.
        var opened = await SendAsync(sato, reader, "資料送付のご案内");
        await SendAsync(sato, reader, "ご訪問のお礼");
        await RecordOpenAsync(opened);
        var held = await HeldAsync(sato, quiet, "来月のご案内");
        var refused = await app.AddCustomerAsync("不達", "四郎", "不達商会", $"x.{Guid.NewGuid():N}"[..14] + "@refused.test");
        var failed = (await app.Get<SendMailCommand>().SendNowAsync(suzuki.AsActor(), Input(refused, "届かないご案内"), CancellationToken.None)).Value;

        var page = await app.OpenSignedInAsync(manager.Email, "/");
        await page.GetByTestId("menu-dashboard").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/dashboard");
        await AppFixture.WaitInteractiveAsync(page);

        var satoRow = page.Locator($"[data-testid='dashboard-rep-row'][data-rep-id='{sato.Id}']");
        var suzukiRow = page.Locator($"[data-testid='dashboard-rep-row'][data-rep-id='{suzuki.Id}']");
        // The app mails' sends and the open arrive on the bus: the numbers follow.
        await Assertions.Expect(satoRow.GetByTestId("rep-sent")).ToHaveTextAsync("6", new() { Timeout = 40_000 });
        await Assertions.Expect(satoRow.GetByTestId("rep-app-sent")).ToHaveTextAsync("2");
        await Assertions.Expect(satoRow.GetByTestId("rep-client-sent")).ToHaveTextAsync("4");
        await Assertions.Expect(satoRow.GetByTestId("rep-opened")).ToHaveTextAsync("1");
        await Assertions.Expect(satoRow.GetByTestId("rep-replied")).ToHaveTextAsync("1");
        await Assertions.Expect(suzukiRow.GetByTestId("rep-sent")).ToHaveTextAsync("3");
        await Assertions.Expect(suzukiRow.GetByTestId("rep-replied")).ToHaveTextAsync("1");
        foreach (var chart in new[] { "sent", "opened", "clicked", "replied" })
        {
            await Assertions.Expect(page.GetByTestId($"chart-{chart}").Locator("svg").First).ToBeVisibleAsync();
        }

        var problems = page.GetByTestId("dashboard-problems");
        await Assertions.Expect(problems.Locator($"[data-mail-id='{held}']")).ToContainTextAsync("来月のご案内");
        await Assertions.Expect(problems.Locator($"[data-mail-id='{failed}']")).ToContainTextAsync("届かないご案内", new() { Timeout = 40_000 });
        await page.SetViewportSizeAsync(1400, 1700);
        await AppFixture.ScreenshotAsync(page, "dashboard");

        // A rep's number of app mail: that rep's 個別メール, in the period, sent mail only.
        await satoRow.GetByTestId("rep-app-sent").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/mail/individual?rep={sato.Id}&from=*&to=*&status=sent");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mail-period")).ToBeVisibleAsync();
        var rows = page.GetByTestId("mail-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "資料送付のご案内" })).ToHaveCountAsync(1);
        await page.GetByTestId("mail-clear-filter").ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "来月のご案内" })).ToHaveCountAsync(1);

        // One rep's 返信待ち: the customer who wrote an hour ago, under the bar of their age.
        await page.GotoAsync("/dashboard");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("dashboard-rep").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("ダッシュ 鈴木", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='dashboard-rep-row']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("summary-sent")).ToHaveTextAsync("3");
        var bar = page.GetByTestId("dashboard-waiting").Locator("[data-testid^='waiting-'][data-count='1']");
        await Assertions.Expect(bar).ToHaveCountAsync(1);
        await bar.ClickAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/mail/awaiting?minAge=*&rep={suzuki.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("awaiting-age-filter")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("awaiting-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"[data-testid='awaiting-row'][data-customer-id='{asks.Id}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Rep_OpensDashboard_Refused_NoMenuEntry_AndCannotReadAnotherRepsList()
    {
        var rep = await app.AddConnectedRepAsync("ダッシュ 拒否");
        var other = await app.AddConnectedRepAsync("ダッシュ 他人");
        var customer = await app.AddCustomerAsync("他人宛", "一郎");
        var mail = await SendAsync(other, customer, "他人のメール");

        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.GetByText("このページを表示する権限がありません。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("menu-dashboard")).ToHaveCountAsync(0);

        // 個別メール given another rep's id shows the rep's own list.
        await page.GotoAsync($"/mail/individual?rep={other.Id}&status=sent");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mail-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("他人のメール")).ToHaveCountAsync(0);
        Assert.Equal(other.Id, (await app.Get<IOutgoingMailRepository>().GetAsync(mail, CancellationToken.None))!.UserId);
    }

    [Fact]
    public async Task Manager_EachNumberLeadsToItsOwnMail_AndTheViewStaysInTheAddress()
    {
        var rep = await app.AddConnectedRepAsync("ダッシュ 高橋");
        var manager = await app.AddUserAsync(UserRole.Manager, "ダッシュ 部長");
        var reader = await app.AddCustomerAsync("読者", "一郎", "読者商事");
        var answers = await app.AddCustomerAsync("回答", "二郎", "回答工業");
        var quiet = await app.AddCustomerAsync("静観", "三郎", "静観物産");
        var opened = await SendAsync(rep, reader, "開封されるご案内");
        await RecordOpenAsync(opened);
        await SendAsync(rep, answers, "返信をいただくご案内");
        await SendAsync(rep, quiet, "返事のないご案内");
        // Mail dates are whole seconds: an answer within the second of our mail would not be "after" it.
        var now = DateTimeOffset.Now;
        await AppendAsync(rep, "INBOX", answers.Email, rep.Email, "Re: 返信をいただくご案内", now.AddMinutes(1));
        await AppendAsync(rep, "Sent", rep.Email, quiet.Email, "手元からの追伸", now.AddHours(-1));
        await app.SyncUntilImportedAsync(rep.AsActor(), MailDirection.Received, 1);
        await app.SyncUntilImportedAsync(rep.AsActor(), MailDirection.Sent, 1);

        var page = await app.OpenSignedInAsync(manager.Email, "/dashboard");
        await page.GetByTestId("preset-Last4Weeks").ClickAsync();
        await page.GetByTestId("dashboard-rep").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("ダッシュ 高橋", new() { Exact = true }).ClickAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/dashboard?preset=last4weeks&rep={rep.Id}");

        // A reload (or a bookmark) shows the same rep and period.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        var row = page.Locator("[data-testid='dashboard-rep-row']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-rep-id", rep.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row.GetByTestId("rep-sent")).ToHaveTextAsync("4");

        // 返信あり: only the mail the customer answered.
        await Assertions.Expect(row.GetByTestId("rep-replied")).ToHaveTextAsync("1", new() { Timeout = 40_000 });
        await row.GetByTestId("rep-replied").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual?*outcome=replied");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mail-outcome-filter")).ToHaveTextAsync("返信あり");
        var rows = page.GetByTestId("mail-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("返信をいただくご案内");

        // Back to the same view; 開封: only the mail a person opened.
        await page.GoBackAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/dashboard?preset=last4weeks&rep={rep.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByTestId("rep-opened").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual?*outcome=opened");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("開封されるご案内");

        // 送信 from the rep's own client: the rep's mailbox, 「送信」, in the period.
        await page.GoBackAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await row.GetByTestId("rep-client-sent").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/mail/mailbox?user={rep.Id}&tab=sent&from=*&to=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mailbox-period")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("手元からの追伸")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Manager_RepWithoutMail_SaysSoInsteadOfEmptyCharts()
    {
        await app.AddUserAsync(UserRole.Rep, "ダッシュ 新人");
        var manager = await app.AddUserAsync(UserRole.Manager, "ダッシュ 空");

        var page = await app.OpenSignedInAsync(manager.Email, "/dashboard");
        await page.GetByTestId("dashboard-rep").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("ダッシュ 新人", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-charts")).ToHaveCountAsync(0);
        await page.GetByTestId("preset-Last4Weeks").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("problems-empty")).ToBeVisibleAsync();
    }

    private static ComposeInput Input(Customer to, string subject) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = subject,
        Body = "いつもお世話になっております。よろしくお願いいたします。",
        OpenTracking = true,
    };

    /// <summary>Sent through the app's outbox; returns once the customer has it.</summary>
    private async Task<long> SendAsync(User rep, Customer to, string subject)
    {
        var id = (await app.Get<SendMailCommand>().SendNowAsync(rep.AsActor(), Input(to, subject), CancellationToken.None)).Value;
        var messageId = (await app.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!.MessageId;
        await MailboxReader.WaitForAsync(to.Email, messageId);
        return id;
    }

    private async Task RecordOpenAsync(long mailId)
    {
        var token = await app.Get<ITrackingTokens>().CreateAsync(new TrackingTarget(mailId, TrackingKind.Open), CancellationToken.None);
        const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        await app.Get<RecordTrackingEventCommand>().RecordAsync(token, TrackingKind.Open, new TrackingVisitor(Browser, "198.51.100.9"), CancellationToken.None);
    }

    private async Task<long> HeldAsync(User rep, Customer to, string subject)
    {
        var at = Digima.Core.Common.TimeZones.ToUserTime(DateTimeOffset.UtcNow.AddDays(2), rep.TimeZoneId).DateTime;
        var id = (await app.Get<ScheduleMailCommand>().ScheduleAsync(rep.AsActor(), Input(to, subject), at, rep.TimeZoneId, CancellationToken.None)).Value;
        Assert.True(await app.Get<IScheduledMailRepository>().HoldAsync(id, "差し込み項目「会社名」が空です", HeldCause.Content, DateTimeOffset.UtcNow, CancellationToken.None));
        return id;
    }

    private static Task AppendAsync(User rep, string folder, string from, string to, string subject, DateTimeOffset date)
    {
        var message = TestMailboxes.HtmlMessage(from, to, subject, "<p>いつもお世話になっております。</p>");
        message.Date = date;
        return TestMailboxes.AppendAsync(rep.Email, message, folder);
    }
}
