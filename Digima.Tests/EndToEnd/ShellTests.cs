using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd;

/// <summary>What every page shares: the icon, where messages appear.</summary>
[Collection(AppCollection.Name)]
public sealed class ShellTests(AppFixture app)
{
    [Fact]
    public async Task Favicon_Served()
    {
        var page = await app.NewPageAsync();

        var response = await page.APIRequest.GetAsync("/favicon.ico");

        Assert.Equal(200, response.Status);
        Assert.Equal([0, 0, 1, 0], (await response.BodyAsync())[..4]);
    }

    [Fact]
    public async Task SuccessMessage_ShownBottomRight_NotOverTheTopButtons()
    {
        var user = await app.AddUserAsync(UserRole.Rep, "通知 位置");
        var customer = await app.AddCustomerAsync("位置");
        var page = await app.OpenSignedInAsync(user.Email, $"/customers/{customer.Id}");

        await page.GetByTestId("customer-edit").ClickAsync();
        await page.GetByTestId("customer-dialog").WaitForAsync();
        await page.GetByTestId("customer-save").ClickAsync();

        var snackbar = page.Locator(".mud-snackbar");
        await Assertions.Expect(snackbar).ToBeVisibleAsync();
        var box = (await snackbar.BoundingBoxAsync())!;
        var edit = (await page.GetByTestId("customer-edit").BoundingBoxAsync())!;
        Assert.True(box.Y > page.ViewportSize!.Height / 2, $"snackbar at y={box.Y}");
        Assert.True(box.Y > edit.Y + edit.Height || box.X + box.Width < edit.X, "the snackbar covers 「編集」");
    }
}
