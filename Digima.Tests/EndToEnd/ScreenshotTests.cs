using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Infrastructure.Seeding;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd;

/// <summary>The screens kept in docs/screenshots (`./digima screenshots` refreshes them), over
/// the demo seed so they show what a new user sees.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(AppFixture app)
{
    [Fact]
    public async Task Screens_SignIn_CustomerList_Profile()
    {
        await app.Get<DemoSeeder>().SeedAsync(CancellationToken.None);
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await AppFixture.ScreenshotAsync(page, "sign-in");

        await AppFixture.SignInAsync(page, "sato@digima.test", DemoData.Password);
        await page.GotoAsync("/customers");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("customer-table").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(page, "customer-list");

        var customer = (await app.Get<SearchCustomersQuery>().SearchAsync(
            new Digima.Core.Common.CurrentUser(1, "", "", UserRole.Rep, "Asia/Tokyo", "ja"), new CustomerSearch("佐藤", 0, 1), CancellationToken.None)).Items[0];
        await page.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("profile-name")).ToHaveTextAsync(customer.FullName);
        await AppFixture.ScreenshotAsync(page, "customer-profile");

        await page.GetByTestId("customer-edit").ClickAsync();
        await page.GetByTestId("customer-dialog").WaitForAsync();
        await AppFixture.ScreenshotAsync(page, "customer-edit");
    }
}
