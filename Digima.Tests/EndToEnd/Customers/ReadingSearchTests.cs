using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Infrastructure.Seeding;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Customers;

/// <summary>Romaji typed as reps type it finds kana readings: in 宛先, in the customer list, and
/// 会社名カナ entered in the customer form.</summary>
[Collection(AppCollection.Name)]
public sealed class ReadingSearchTests(AppFixture app)
{
    [Fact]
    public async Task To_TypedRomaji_SuggestsKanaCustomer()
    {
        var rep = await app.AddConnectedRepAsync("ローマ字 宛先");
        var email = $"m.{Guid.NewGuid():N}@customer.test";
        await app.Get<ICustomerRepository>().InsertAsync(
            new Customer { LastName = "佐藤", FirstName = "光秀", LastNameKana = "サトウ", FirstNameKana = "ミツヒデ", Email = email },
            CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");

        // The list shows the name with its reading, company and email: what "sato" matched.
        await page.GetByTestId("recipient-input-to").FillAsync("sato");
        var option = page.Locator(".recipient-option").Filter(new() { HasText = email });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(option.GetByTestId("recipient-reading")).ToHaveTextAsync("サトウ ミツヒデ");

        await page.GetByTestId("recipient-input-to").FillAsync("Satō Mitsuhide");
        await page.Locator(".recipient-option").Filter(new() { HasText = email }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task CustomerList_RomajiAndCompanyReading_FindTheCustomerEnteredInTheForm()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "ローマ字 顧客");
        var email = $"r.{Guid.NewGuid():N}@customer.test";
        var reading = "ヒバリ" + string.Concat(Enumerable.Range(0, 5).Select(_ => "カキクケコサスセソナ"[Random.Shared.Next(10)]));
        var page = await app.OpenSignedInAsync(rep.Email, "/customers");

        await page.GetByTestId("customers-add").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await dialog.GetByTestId("field-last-name").FillAsync("土屋");
        await dialog.GetByTestId("field-last-name-kana").FillAsync("ツチヤ");
        await dialog.GetByTestId("field-email").FillAsync(email);
        await dialog.GetByTestId("field-company").FillAsync("雲雀商会");
        await dialog.GetByTestId("field-company-kana").FillAsync("ひばり");
        await page.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(dialog.GetByText("全角カタカナで入力してください。")).ToBeVisibleAsync();

        await dialog.GetByTestId("field-company-kana").FillAsync(reading);
        await page.GetByTestId("customer-save").ClickAsync();
        try
        {
            await AppFixture.WaitForUrlAsync(page, "**/customers/*", 5_000);
        }
        catch (PlaywrightException)
        {
            // As in CustomerEditTests: under load the click can reach the server before the last value.
            await page.GetByTestId("customer-save").ClickAsync();
            await AppFixture.WaitForUrlAsync(page, "**/customers/*");
        }

        await page.GotoAsync("/customers");
        await AppFixture.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("customer-table").Locator("tbody tr");
        await page.GetByTestId("customer-search").FillAsync(RomajiKey.OfKana(reading).ToUpperInvariant());
        await Assertions.Expect(rows.Filter(new() { HasText = email })).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        await page.GetByTestId("customer-search").FillAsync("tuchiya");
        await Assertions.Expect(rows.Filter(new() { HasText = email })).ToHaveCountAsync(1);
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Screen_ToSuggestionsForRomaji()
    {
        await app.Get<DemoSeeder>().SeedAsync(CancellationToken.None);
        var rep = await app.AddConnectedRepAsync("ローマ字 画面");
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");

        await page.GetByTestId("recipient-input-to").FillAsync("satou");

        await Assertions.Expect(page.Locator(".recipient-option").Filter(new() { HasText = "佐藤" }).First).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "compose-recipient-romaji");
    }
}
