using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Customers;

[Collection(AppCollection.Name)]
public sealed class CustomerBrowseTests(AppFixture app)
{
    [Fact]
    public async Task Rep_SearchesJapaneseSurname_OpensProfile_SignsOut()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "佐藤 健太");
        var surname = "東雲" + Random.Shared.Next(100, 999);
        var id = await app.Get<ICustomerRepository>().InsertAsync(new Customer
        {
            LastName = surname,
            FirstName = "葵",
            LastNameKana = "シノノメ",
            FirstNameKana = "アオイ",
            Email = $"aoi.{Guid.NewGuid():N}@shinonome.test",
            Company = "株式会社しののめ商事",
            Department = "購買部",
            Title = "課長",
            OwnerUserId = rep.Id,
        }, CancellationToken.None);
        var page = await app.NewPageAsync();

        await AppFixture.SignInAsync(page, rep.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "顧客", Exact = true }).ClickAsync();
        await page.GetByTestId("customer-search").FillAsync(surname);
        // The search has run (it writes q= into the address): with one customer in the database the
        // row is there before it, and the search's own navigation would undo the click below.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]q="));
        var row = page.GetByTestId("customer-table").Locator("tbody tr").Filter(new() { HasText = surname });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("customer-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await row.ClickAsync();

        await AppFixture.OrScreenshotAsync(page, "customer-open-failure", () => AppFixture.WaitForUrlAsync(page, $"**/customers/{id}"));
        await Assertions.Expect(page.GetByTestId("profile-name")).ToHaveTextAsync($"{surname} 葵");
        await Assertions.Expect(page.GetByTestId("profile-kana")).ToHaveTextAsync("シノノメ アオイ");
        await Assertions.Expect(page.GetByTestId("timeline-empty")).ToBeVisibleAsync();

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/account/login");
    }

    [Fact]
    public async Task Search_HiraganaFindsKana_AndNoMatchSaysSo()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "検索 担当");
        var kana = "ワタヌキ";
        await app.Get<ICustomerRepository>().InsertAsync(new Customer
        {
            LastName = "四月一日",
            FirstName = "君尋",
            LastNameKana = kana,
            FirstNameKana = "キミヒロ",
            Email = $"k.{Guid.NewGuid():N}@watanuki.test",
        }, CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, "/customers");

        await page.GetByTestId("customer-search").FillAsync("わたぬき");
        await Assertions.Expect(page.GetByTestId("customer-table").Locator("tbody tr").Filter(new() { HasText = "四月一日" })).ToHaveCountAsync(1);

        await page.GetByTestId("customer-search").FillAsync("存在しない顧客名");
        await Assertions.Expect(page.GetByTestId("customers-empty")).ToContainTextAsync("「存在しない顧客名」に一致する顧客はいません。");
    }
}
