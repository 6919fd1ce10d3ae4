using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.MailImport;

/// <summary>Private mail as reps and managers use it: 「非公開」 on the timeline, the colleague's
/// placeholder, the never-import list in 個人設定, the bell's one click, the managers' view record.</summary>
[Collection(AppCollection.Name)]
public sealed class PrivateMailFlowTests(AppFixture app)
{
    [Fact]
    public async Task Rep_MarksMailPrivate_ColleagueSeesPlaceholderOnly_ManagerSeesWhoRead()
    {
        var rep = await app.AddConnectedRepAsync("非公開 担当");
        var actor = rep.AsActor();
        var colleague = await app.AddUserAsync(UserRole.Rep, "同僚 閲覧");
        var manager = await app.AddUserAsync(UserRole.Manager, "管理 監査");
        var customer = await app.AddCustomerAsync("野々村");
        await AppendAsync(rep.Email, RawMail.Create(customer.Email, rep.Email, "private-subject-x1").Text("UTF-8", "家族の話です。"));
        await app.SyncUntilImportedAsync(actor, MailDirection.Received, 1);

        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");
        var entry = page.GetByTestId("timeline-mail").Filter(new() { HasText = "private-subject-x1" });
        await entry.GetByTestId("timeline-more").ClickAsync();
        await Assertions.Expect(entry.GetByTestId("timeline-full")).ToBeVisibleAsync();
        await entry.GetByTestId("timeline-private-toggle").ClickAsync();
        await Assertions.Expect(entry.GetByTestId("timeline-private-chip")).ToHaveTextAsync("非公開");
        await Assertions.Expect(entry.GetByTestId("timeline-private-toggle")).ToHaveTextAsync("非公開を解除");

        var other = await app.OpenSignedInAsync(colleague.Email, $"/customers/{customer.Id}");
        await Assertions.Expect(other.GetByTestId("timeline-private-placeholder")).ToHaveTextAsync("非公開のメール");
        await Assertions.Expect(other.GetByText("private-subject-x1")).ToHaveCountAsync(0);
        await Assertions.Expect(other.GetByText("家族の話です。")).ToHaveCountAsync(0);
        await Assertions.Expect(other.GetByTestId("timeline-more")).ToHaveCountAsync(0);
        await other.GotoAsync("/settings/mail-views");
        await Assertions.Expect(other.GetByText("このページを表示する権限がありません。")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("mail-views")).ToHaveCountAsync(0);

        // The rep's mailbox shows the lock, and the preview makes the mail visible again.
        await page.GotoAsync("/mail/mailbox");
        await AppFixture.WaitInteractiveAsync(page);
        var row = page.GetByTestId("mail-list-received").GetByTestId("mail-row").Filter(new() { HasText = "private-subject-x1" });
        await Assertions.Expect(row.GetByTestId("mail-private")).ToBeVisibleAsync();
        await row.GetByTestId("mail-subject").ClickAsync();
        await page.GetByTestId("preview-private-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-private-toggle")).ToHaveTextAsync("非公開にする");
        await page.GetByTestId("preview-close").ClickAsync();
        await Assertions.Expect(row.GetByTestId("mail-private")).ToHaveCountAsync(0);
        await other.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(other);
        await Assertions.Expect(other.GetByTestId("timeline-mail").Filter(new() { HasText = "private-subject-x1" })).ToHaveCountAsync(1);

        var audit = await app.OpenSignedInAsync(manager.Email, "/settings");
        await audit.GetByText("閲覧記録").First.ClickAsync();
        var views = audit.GetByTestId("mail-views").Locator("tr").Filter(new() { HasText = "private-subject-x1" });
        await Assertions.Expect(views.First).ToBeVisibleAsync();
        await Assertions.Expect(views.GetByTestId("mail-view-viewer").Filter(new() { HasText = "非公開 担当" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Rep_AddsDomainToNeverImportList_MailFromItIsNotImported()
    {
        var rep = await app.AddConnectedRepAsync("除外 設定");
        var actor = rep.AsActor();
        var domain = $"home-{Guid.NewGuid():N}"[..13] + ".test";
        var family = await app.AddCustomerAsync("家族", email: ImportScenario.NewAddress("aunt", domain));
        var customer = await app.AddCustomerAsync("取引");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/preferences");
        var list = page.GetByTestId("never-import");
        await Assertions.Expect(list.Locator("[data-pattern='gmail.com'] input")).Not.ToBeCheckedAsync();

        await list.GetByTestId("never-import-pattern").FillAsync("家族のアドレス");
        await list.GetByTestId("never-import-add").ClickAsync();
        await Assertions.Expect(list).ToContainTextAsync("メールアドレス（taro@example.com）かドメイン（example.com）の形で入力してください。");
        await list.GetByTestId("never-import-pattern").FillAsync(domain.ToUpperInvariant());
        await list.GetByTestId("never-import-add").ClickAsync();
        await Assertions.Expect(list.Locator($"[data-pattern='{domain}'] input")).ToBeCheckedAsync();

        await AppendAsync(rep.Email, RawMail.Create(family.Email, rep.Email, "from-family").Text("UTF-8", "週末の予定"));
        await AppendAsync(rep.Email, RawMail.Create(customer.Email, rep.Email, "from-customer").Text("UTF-8", "ご注文"));
        await app.SyncUntilImportedAsync(actor, MailDirection.Received, 1);

        var stored = await app.Get<ListImportedMailQuery>().ListAsync(actor, actor.Id, MailDirection.Received, null, null, 10, CancellationToken.None);
        Assert.Equal(["from-customer"], stored.Select(m => m.Subject));
    }

    [Fact]
    public async Task ColleagueRegistersRepsFriend_RepToldUnderBell_MakesTheMailPrivateInOneClick()
    {
        var rep = await app.AddConnectedRepAsync("通知 受取");
        var actor = rep.AsActor();
        // The mail is also a customer's reply; whether it is told depends on whether IDLE synced the
        // empty mailbox first. This test is about the other notice only.
        await app.Get<Digima.Core.Notifications.SaveNotificationSettingsCommand>().SaveAsync(
            actor, new Digima.Core.Notifications.NotificationSettings(false, NotifyOnReply: false), CancellationToken.None);
        var colleague = await app.AddUserAsync(UserRole.Rep, "登録 同僚");
        var colleagueActor = colleague.AsActor();
        var email = ImportScenario.NewAddress("friend", "customer.test");
        var saved = await app.Get<SaveCustomerCommand>().SaveAsync(colleagueActor, 0, new CustomerInput { LastName = "旧友", Email = email }, CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");

        await AppendAsync(rep.Email, RawMail.Create(email, rep.Email, "from-old-friend").Text("UTF-8", "久しぶり"));
        await app.SyncUntilImportedAsync(actor, MailDirection.Received, 1);

        await Assertions.Expect(page.GetByTestId("notification-count")).ToContainTextAsync("1");
        await page.GetByTestId("notification-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification-item").Filter(new() { HasText = "旧友" })).ToContainTextAsync("登録 同僚さんが最近登録した顧客 旧友");
        await page.GetByTestId("notification-make-private").ClickAsync();
        await Assertions.Expect(page.GetByText("1件のメールを非公開にしました。")).ToBeVisibleAsync();

        var timeline = await app.Get<Digima.Core.Timeline.ListTimelineQuery>().ListAsync(colleagueActor, saved.Value, null, 10, CancellationToken.None);
        Assert.True(Assert.Single(timeline.Items).IsHidden);
    }

    private static Task AppendAsync(string address, RawMail mail) =>
        RawImapAppender.AppendAsync(address, "INBOX", null, [mail.ToBytes()]);
}
