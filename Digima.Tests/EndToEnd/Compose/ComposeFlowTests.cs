using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

[Collection(AppCollection.Name)]
public sealed class ComposeFlowTests(AppFixture app)
{
    [Fact]
    public async Task Rep_ComposesWithSearchCcAndMergeField_CustomerReceivesIt()
    {
        var rep = await app.AddConnectedRepAsync("佐藤 送信");
        var to = await app.AddCustomerAsync("鷲尾", company: "株式会社わしお");
        var cc = await app.AddCustomerAsync("柊木");
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/individual");

        await page.GetByTestId("compose-button").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("recipient-input-to").FillAsync("鷲");
        await page.GetByText(to.Email).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(to.Email);
        await page.GetByTestId("toggle-cc-bcc").ClickAsync();
        await page.GetByTestId("recipient-input-cc").FillAsync("柊");
        await page.GetByText(cc.Email).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipients-cc").GetByTestId("recipient-chip")).ToContainTextAsync(cc.Email);
        await page.GetByTestId("compose-subject").FillAsync("お見積りのご案内");
        await page.GetByTestId("compose-body").FillAsync("いつもお世話になっております。");
        await page.GetByTestId("merge-body").ClickAsync();
        await page.GetByTestId("merge-select-姓").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-body")).ToHaveTextAsync("いつもお世話になっております。鷲尾");
        await page.GetByTestId("send-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToContainTextAsync(to.Email);
        await ConfirmAsync(page);

        await AppFixture.OrScreenshotAsync(page, "compose-send-failure", () => AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000));
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "お見積りのご案内" });
        await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 20_000 });
        var sent = (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 1, CancellationToken.None)).Items.Single();
        var received = Assert.Single(await MailboxReader.WaitForAsync(to.Email, sent.MessageId));
        Assert.Equal("お見積りのご案内", received.Subject);
        Assert.Contains("いつもお世話になっております。鷲尾", received.TextBody, StringComparison.Ordinal);
        Assert.Equal([cc.Email], received.Cc.Mailboxes.Select(m => m.Address));

        await page.GotoAsync($"/customers/{to.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("timeline-mail").Filter(new() { HasText = "お見積りのご案内" })).ToContainTextAsync("送信済み");
    }

    [Fact]
    public async Task Rep_TypesUnknownAddress_AddsNewCustomerFromCompose()
    {
        var rep = await app.AddConnectedRepAsync("新規 追加");
        var email = $"new.{Guid.NewGuid():N}"[..14] + "@newco.test";
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");

        await page.GetByTestId("recipient-input-to").FillAsync("broken@@newco.test");
        await Assertions.Expect(page.GetByText("メールアドレスの形式が正しくありません。")).ToBeVisibleAsync();
        await page.GetByTestId("recipient-input-to").FillAsync(email);
        await page.GetByText("新規顧客情報としてメールアドレスを追加").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await Assertions.Expect(dialog.GetByTestId("field-email")).ToHaveValueAsync(email);
        await dialog.GetByTestId("field-last-name").FillAsync("新顔");
        await page.GetByTestId("customer-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync($"新顔 <{email}>");
        var found = await app.Get<SearchCustomersQuery>().SearchAsync(rep.AsActor(), new CustomerSearch(email, 0, 5), CancellationToken.None);
        Assert.Equal("新顔", Assert.Single(found.Items).LastName);
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_UsesEmptyMergeField_SendBlockedWithFieldAndCustomerNamed()
    {
        var rep = await app.AddConnectedRepAsync("空欄 確認");
        var customer = await app.AddCustomerAsync("蓮見");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("compose-subject").FillAsync("【ご提案】新サービスのご紹介");
        await page.GetByTestId("compose-body").FillAsync("蓮見様\n\nいつもお世話になっております。御社（");
        await page.GetByTestId("merge-body").ClickAsync();
        await Assertions.Expect(page.GetByTestId("merge-field-dialog")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "compose-merge-fields");
        await page.GetByTestId("merge-select-会社名").ClickAsync();
        await page.GetByTestId("compose-body").PressSequentiallyAsync("）向けに新しいサービスをご案内いたします。");
        await Assertions.Expect(page.GetByTestId("preview-empty-fields")).ToContainTextAsync("会社名");
        await AppFixture.ScreenshotAsync(page, "compose");
        await page.GetByTestId("send-now").ClickAsync();

        // Refused before 「送信の確認」: the rep is never asked to confirm a mail that cannot go out.
        await Assertions.Expect(page.GetByTestId("send-blocked")).ToContainTextAsync("差し込み項目「会社名」が顧客「蓮見」で未入力のため送信できません。");
        await Assertions.Expect(page.GetByTestId("send-blocked").GetByRole(AriaRole.Link, new() { Name = "顧客情報を編集" })).ToHaveAttributeAsync("href", $"/customers/{customer.Id}");
        await AppFixture.ScreenshotAsync(page, "compose-blocked");
        await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToHaveCountAsync(0);
        Assert.Equal(0, (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 5, CancellationToken.None)).TotalCount);
    }

    private static Task ConfirmAsync(IPage page) => ComposeScenario.ConfirmAsync(page);
}
