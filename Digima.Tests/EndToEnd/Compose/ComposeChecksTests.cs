using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Scheduling;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>What the compose page says before anything is sent: a mail that cannot be sent is
/// refused before 「送信の確認」, a missing mailbox is said up front, the 予約送信 dialog keeps a
/// refused time, the preview shows the sender name that will be sent.</summary>
[Collection(AppCollection.Name)]
public sealed class ComposeChecksTests(AppFixture app)
{
    [Fact]
    public async Task SendNow_EmptyMail_RefusedWithoutConfirmation()
    {
        var rep = await app.AddConnectedRepAsync("確認 前");
        var customer = await app.AddCustomerAsync("空白");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("send-now").ClickAsync();

        await Assertions.Expect(page.GetByText("件名を入力してください。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("本文を入力してください。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToHaveCountAsync(0);

        await page.GetByTestId("schedule-send").ClickAsync();
        await Assertions.Expect(page.GetByText("本文を入力してください。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("schedule-dialog")).ToHaveCountAsync(0);
        Assert.Empty(await ComposeScenario.MailsOfAsync(app, rep));
    }

    [Fact]
    public async Task MailPages_MailboxNotConnected_SaidAtOnceWithLinkToMailboxSettings()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "未連携 担当");
        var customer = await app.AddCustomerAsync("未連携");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        foreach (var path in new[] { "/mail/compose", "/mail/mailbox", "/mail/individual" })
        {
            await page.GotoAsync(path);
            await AppFixture.WaitInteractiveAsync(page);
            var notice = page.GetByTestId("mailbox-not-connected");
            await Assertions.Expect(notice).ToContainTextAsync("メールボックスが連携されていません。");
            await Assertions.Expect(notice.GetByRole(AriaRole.Link, new() { Name = "メールボックス連携" })).ToHaveAttributeAsync("href", "/settings/mailbox");
        }

        await page.GotoAsync($"/mail/compose?to={customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("compose-subject").FillAsync("ご案内");
        await page.GetByTestId("compose-body").FillAsync("本文です。");
        await page.GetByTestId("send-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-blocked")).ToContainTextAsync("メールボックスが連携されていないため送信できません。");
        await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToHaveCountAsync(0);

        var connected = await app.AddConnectedRepAsync("連携済 担当");
        var other = await app.OpenSignedInAsync(connected.Email, "/mail/compose");
        await Assertions.Expect(other.GetByTestId("compose-subject")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("mailbox-not-connected")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Schedule_PastTime_DialogStaysOpenWithErrorUnderTheField()
    {
        var rep = await app.AddConnectedRepAsync("過去 予約");
        var customer = await app.AddCustomerAsync("過去");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("過去の日時のテスト");
        await page.GetByTestId("compose-body").FillAsync("本文です。");

        await page.GetByTestId("schedule-send").ClickAsync();
        var dialog = page.GetByTestId("schedule-dialog");
        var anHourAgo = SendTimeRules.ToLocal(DateTimeOffset.UtcNow.AddHours(-1), rep.TimeZoneId);
        await dialog.GetByTestId("send-at").FillAsync(anHourAgo.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByTestId("send-at").BlurAsync();
        await page.GetByTestId("schedule-confirm").ClickAsync();

        await Assertions.Expect(dialog.GetByTestId("send-at-help")).ToHaveTextAsync("予約日時は1分以上先を指定してください。");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("send-blocked")).ToHaveCountAsync(0);
        Assert.Empty(await ComposeScenario.MailsOfAsync(app, rep));

        await dialog.GetByTestId("send-at-tomorrow").ClickAsync();
        await page.GetByTestId("schedule-confirm").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual?filter=scheduled");
        Assert.Equal("過去の日時のテスト", Assert.Single(await ComposeScenario.MailsOfAsync(app, rep)).Subject);
    }

    [Fact]
    public async Task Preview_SenderNameField_ShowsTheMailboxSenderName()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "表示 名前");
        await TestMailboxes.ConnectAsync(app.App.Services, rep.AsActor() with { DisplayName = "株式会社デジマ 営業部 表示" });
        var customer = await app.AddCustomerAsync("差出");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("compose-body").FillAsync("署名: {{送信者名}}");

        await Assertions.Expect(page.GetByTestId("preview-body")).ToHaveTextAsync("署名: 株式会社デジマ 営業部 表示");
    }

    [Fact]
    public async Task ComposeFromMail_ReplyAndDuplicate_TitledForWhatTheyAre()
    {
        var rep = await app.AddConnectedRepAsync("題名 確認");
        var customer = await app.AddCustomerAsync("題名");
        var id = await SentMailAsync(rep, customer.Id);
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?replySent={id}");

        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("返信を作成");
        await Assertions.Expect(page).ToHaveTitleAsync("返信を作成 - Digima Mail");
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 題名のテスト");

        await page.GotoAsync($"/mail/compose?duplicateSent={id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("複製して作成");
        await page.GotoAsync("/mail/compose");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("新規個別メール作成");
    }

    [Fact]
    public async Task ComposeFromMail_AnotherRepsMail_SaysNotFoundInsteadOfServerError()
    {
        var owner = await app.AddConnectedRepAsync("持ち主 担当");
        var customer = await app.AddCustomerAsync("他人");
        var id = await SentMailAsync(owner, customer.Id);
        var intruder = await app.AddUserAsync(UserRole.Rep, "他人 担当");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, intruder.Email);

        // Sent mail of another rep, and imported mail that does not exist (the same answer for both).
        foreach (var query in new[] { $"replySent={id}", $"duplicateSent={id}", $"reply={long.MaxValue}", $"duplicate={long.MaxValue}" })
        {
            var response = await page.GotoAsync($"/mail/compose?{query}");
            Assert.True(response!.Status < 500, $"{query}: HTTP {response.Status}");
            await AppFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("compose-not-found")).ToContainTextAsync("見つかりません");
            await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task EditScheduled_EmptyBodyAndLongSubject_RefusedInTheDialogAsOnCompose()
    {
        var rep = await app.AddConnectedRepAsync("編集 検証");
        var customer = await app.AddCustomerAsync("編集");
        var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "予約の件名", Body = "予約の本文" };
        var at = SendTimeRules.TomorrowNine(DateTimeOffset.UtcNow, rep.TimeZoneId);
        var scheduled = await app.Get<ScheduleMailCommand>().ScheduleAsync(rep.AsActor(), input, at, rep.TimeZoneId, CancellationToken.None);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors));
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/individual?filter=scheduled");

        await page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "予約の件名" }).GetByTestId("mail-edit").ClickAsync();
        var dialog = page.GetByTestId("edit-scheduled-dialog");
        await dialog.GetByTestId("edit-subject").FillAsync(new string('長', 5_000));
        await dialog.GetByTestId("edit-body").FillAsync("");
        await page.GetByTestId("edit-save").ClickAsync();

        await Assertions.Expect(dialog.GetByTestId("edit-errors")).ToContainTextAsync($"{ComposeInputValidator.MaxSubjectLength}文字以内で入力してください。");
        await Assertions.Expect(dialog.GetByTestId("edit-errors")).ToContainTextAsync("本文を入力してください。");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var stored = Assert.Single(await ComposeScenario.MailsOfAsync(app, rep));
        Assert.Equal(("予約の件名", "予約の本文"), (stored.Subject, stored.BodyText));
    }

    private async Task<long> SentMailAsync(User rep, long customerId)
    {
        var customer = await app.Get<Digima.Core.Customers.ICustomerRepository>().GetAsync(customerId, CancellationToken.None);
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(customerId, customer!.Email, customer.FullName)],
            Subject = "題名のテスト",
            Body = "本文です。",
        };
        var outcome = await app.Get<SendMailCommand>().SendNowAsync(rep.AsActor(), input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }
}
