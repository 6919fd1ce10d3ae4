using Digima.Core.Accounts;
using Digima.Core.Compose.Drafts;
using Digima.Core.Customers;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>「この場で入力」 (B1): an empty merge field is filled without leaving compose, and the
/// preview follows the customer wherever it is saved.</summary>
[Collection(AppCollection.Name)]
public sealed class FixFieldsInPlaceTests(AppFixture app)
{
    private const string Body = "{{会社名}}\n堀北様\n\nいつもお世話になっております。";

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_FillsEmptyFieldInPlace_WarningGoesDraftUntouched_CustomerGetsTheValue()
    {
        var rep = await app.AddConnectedRepAsync("その場 入力");
        var customer = await app.AddCustomerAsync("堀北", "真希");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("ご提案の件");
        await page.GetByTestId("compose-body").FillAsync(Body);
        var warning = page.GetByTestId("preview-empty-fields");
        await Assertions.Expect(warning).ToContainTextAsync("差し込み項目「会社名」が顧客「堀北 真希」で未入力です。");
        var draftId = await DraftScenario.WaitSavedAsync(page);
        var draft = await DraftScenario.WaitStoredAsync(app.Get<GetDraftQuery>(), rep.AsActor(), draftId, d => d.Content.Input.Body == Body);

        // Cancel leaves everything as it was.
        await warning.GetByTestId("preview-fix-fields").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await dialog.GetByTestId("field-company").FillAsync("取り消す会社");
        await page.GetByTestId("customer-cancel").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(warning).ToContainTextAsync("会社名");
        Assert.Equal("", (await StoredAsync(customer.Id)).Company);

        // The field the mail needs is marked; an invalid address is refused and nothing is saved.
        await warning.GetByTestId("preview-fix-fields").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("customer-needed-note")).ToContainTextAsync("会社名");
        var company = dialog.GetByTestId("field-company");
        await Assertions.Expect(page.Locator(".needed-field").GetByText("このメールで使用する項目です")).ToBeVisibleAsync();
        await company.FillAsync("株式会社ほりきた");
        await AppFixture.ScreenshotAsync(page, "compose-fix-fields");
        await dialog.GetByTestId("field-email").FillAsync("not-an-address");
        await page.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(dialog.GetByText("メールアドレスの形式が正しくありません。")).ToBeVisibleAsync();
        Assert.Equal(("", customer.Email), ((await StoredAsync(customer.Id)).Company, (await StoredAsync(customer.Id)).Email));

        await dialog.GetByTestId("field-email").FillAsync(customer.Email);
        await page.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(warning).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("株式会社ほりきた");
        Assert.Equal("株式会社ほりきた", (await StoredAsync(customer.Id)).Company);

        // The mail on the screen and its draft are as they were.
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("ご提案の件");
        await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveValueAsync(Body);
        var after = await app.Get<GetDraftQuery>().GetAsync(rep.AsActor(), draftId, CancellationToken.None);
        Assert.Equal(draft.Version, after.Version);
        Assert.Equal(DraftJson.Serialize(draft.Content), DraftJson.Serialize(after.Content));

        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        var sent = Assert.Single(await ComposeScenario.MailsOfAsync(app, rep));
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        Assert.StartsWith("株式会社ほりきた\r\n堀北様", received.TextBody!.ReplaceLineEndings("\r\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colleague_EditsRecipientOnProfile_PreviewFollowsLive_AndADialogOpenedBeforeIsRefusedNotOverwritten()
    {
        var rep = await app.AddConnectedRepAsync("同時 担当");
        var colleague = await app.AddUserAsync(UserRole.Rep, "同僚 担当");
        var customer = await app.AddCustomerAsync("真白");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("ご相談");
        await page.GetByTestId("compose-body").FillAsync("{{会社名}} {{部署}}\n真白様");
        var warning = page.GetByTestId("preview-empty-fields");
        await Assertions.Expect(warning).ToContainTextAsync("会社名、部署");
        await warning.GetByTestId("preview-fix-fields").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await Assertions.Expect(dialog.GetByTestId("customer-needed-note")).ToContainTextAsync("会社名、部署");

        var other = await app.OpenSignedInAsync(colleague.Email, $"/customers/{customer.Id}");
        await other.GetByTestId("customer-edit").ClickAsync();
        await other.GetByTestId("customer-dialog").GetByTestId("field-company").FillAsync("真白電機");
        await other.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(other.GetByTestId("customer-dialog")).ToHaveCountAsync(0);

        // Without a reload: the preview has the company, the warning names only what is still empty.
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("真白電機 ［部署］");
        await Assertions.Expect(warning).ToContainTextAsync("差し込み項目「部署」が");

        await dialog.GetByTestId("field-department").FillAsync("開発部");
        await page.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("customer-dialog-error")).ToContainTextAsync("他の画面で変更されました");
        Assert.Equal(("真白電機", ""), ((await StoredAsync(customer.Id)).Company, (await StoredAsync(customer.Id)).Department));

        await dialog.GetByTestId("customer-load-latest").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("field-company")).ToHaveValueAsync("真白電機");
        await dialog.GetByTestId("field-department").FillAsync("開発部");
        await page.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(warning).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("真白電機 開発部");

        // And the colleague's profile, open all along, shows the department without a reload.
        await Assertions.Expect(other.GetByText("開発部", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    private async Task<Customer> StoredAsync(long id) =>
        (await app.Get<ICustomerRepository>().GetAsync(id, CancellationToken.None))!;
}
