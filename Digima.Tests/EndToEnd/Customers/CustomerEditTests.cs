using System.Text;
using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Customers;

[Collection(AppCollection.Name)]
public sealed class CustomerEditTests(AppFixture app)
{
    [Fact]
    public async Task Create_InvalidThenValid_ShowsJapaneseErrorsThenOpensProfile()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "新規 登録");
        var email = $"new.{Guid.NewGuid():N}@customer.test";
        var page = await app.OpenSignedInAsync(rep.Email, "/customers");

        await page.GetByTestId("customers-add").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await dialog.GetByTestId("field-email").FillAsync("not-an-address");
        await dialog.GetByTestId("field-last-name-kana").FillAsync("ひらがな");
        await page.GetByTestId("customer-save").ClickAsync();

        await Assertions.Expect(dialog.GetByText("姓を入力してください。")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("メールアドレスの形式が正しくありません。")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("全角カタカナで入力してください。")).ToBeVisibleAsync();

        await dialog.GetByTestId("field-last-name").FillAsync("松本");
        await dialog.GetByTestId("field-first-name").FillAsync("潤");
        await dialog.GetByTestId("field-last-name-kana").FillAsync("マツモト");
        await dialog.GetByTestId("field-email").FillAsync(email);
        await dialog.GetByTestId("field-company").FillAsync("株式会社まつもと");
        await page.GetByTestId("customer-save").ClickAsync();
        try
        {
            await AppFixture.WaitForUrlAsync(page, "**/customers/*", 5_000);
        }
        catch (PlaywrightException)
        {
            // Under load the click can reach the server before the last field's value: the form
            // then still holds the old one. A rep clicks again, and so does the test.
            await page.GetByTestId("customer-save").ClickAsync();
            await AppFixture.WaitForUrlAsync(page, "**/customers/*");
        }
        await Assertions.Expect(page.GetByTestId("profile-name")).ToHaveTextAsync("松本 潤");
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Edit_DuplicateEmail_RefusedOnField()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "編集 担当");
        var taken = $"taken.{Guid.NewGuid():N}@customer.test";
        var customers = app.Get<Digima.Core.Customers.ICustomerRepository>();
        await customers.InsertAsync(new() { LastName = "先客", Email = taken }, CancellationToken.None);
        var id = await customers.InsertAsync(new() { LastName = "後客", Email = $"later.{Guid.NewGuid():N}@customer.test" }, CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{id}");

        await page.GetByTestId("customer-edit").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await dialog.GetByTestId("field-email").FillAsync(taken.ToUpperInvariant());
        await page.GetByTestId("customer-save").ClickAsync();

        await Assertions.Expect(dialog.GetByText("このメールアドレスの顧客は既に登録されています。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ImportCsv_BadRow_ListsErrorsAndImportsNothing_ThenGoodFileImports()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "取込 担当");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var bad = Path.Combine(TestEnvironment.ArtifactsDir, $"bad-{tag}.csv");
        var good = Path.Combine(TestEnvironment.ArtifactsDir, $"good-{tag}.csv");
        await File.WriteAllTextAsync(bad,
            $"姓,名,メールアドレス,会社名\n前田,敦,a.{tag}@maeda.test,前田工業\n,名無し,b.{tag}@x.test,\n", new UTF8Encoding(true));
        await File.WriteAllTextAsync(good,
            $"姓,名,メールアドレス,会社名\n前田,敦,a.{tag}@maeda.test,前田工業\n後藤,真希,m.{tag}@goto.test,後藤建設\n", new UTF8Encoding(true));
        var page = await app.OpenSignedInAsync(rep.Email, "/customers");

        await page.GetByTestId("customers-import").ClickAsync();
        await ChooseFileAsync(page, bad, page.GetByTestId("import-failed"));
        await Assertions.Expect(page.GetByTestId("import-failed")).ToContainTextAsync("何も登録されていません");
        await Assertions.Expect(page.GetByTestId("import-errors").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("姓を入力してください。");
        await ChooseFileAsync(page, good, page.GetByText("2件の顧客を登録しました。"));

        await Assertions.Expect(page.GetByText("2件の顧客を登録しました。")).ToBeVisibleAsync();
        await page.GetByTestId("customer-search").FillAsync(tag);
        await Assertions.Expect(page.GetByTestId("customer-table").Locator("tbody tr")).ToHaveCountAsync(2);
    }

    /// <summary>Chooses a file in the import dialog. A change made before the file input's
    /// script has bound it (a freshly opened dialog on a loaded machine) is lost, so the choice is
    /// made again until the dialog answers.</summary>
    private static async Task ChooseFileAsync(IPage page, string path, ILocator answer)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("import-dialog").Locator("input[type=file]").Last.SetInputFilesAsync(path);
            try
            {
                await answer.WaitForAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
