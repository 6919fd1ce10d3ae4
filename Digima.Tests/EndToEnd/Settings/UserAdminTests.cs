using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Settings;

[Collection(AppCollection.Name)]
public sealed class UserAdminTests(AppFixture app)
{
    [Fact]
    public async Task Manager_AddsRep_ThenDeactivates_RepCannotSignIn()
    {
        var manager = await app.AddUserAsync(UserRole.Manager, "管理 者");
        var email = $"hire.{Guid.NewGuid():N}"[..18] + "@digima.test";
        var page = await app.OpenSignedInAsync(manager.Email, "/settings/users");

        await page.GetByTestId("user-add").ClickAsync();
        var dialog = page.GetByTestId("user-dialog");
        await dialog.GetByTestId("user-display-name").FillAsync("中途 採用");
        await dialog.GetByTestId("user-email").FillAsync(email);
        await dialog.GetByTestId("user-password").FillAsync("first-password");
        await page.GetByTestId("user-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-table")).ToContainTextAsync(email);

        var repPage = await app.NewPageAsync();
        await AppFixture.SignInAsync(repPage, email, "first-password");

        await page.GetByTestId($"user-edit-{email}").ClickAsync();
        var active = page.GetByTestId("user-dialog").GetByTestId("user-active");
        await Assertions.Expect(active).ToHaveAttributeAsync("aria-checked", "true");
        await page.GetByTestId("user-dialog").GetByText("有効", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(active).ToHaveAttributeAsync("aria-checked", "false");
        await page.GetByTestId("user-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-table").Locator("tr").Filter(new() { HasText = email })).ToContainTextAsync("無効");

        var laterPage = await app.NewPageAsync();
        await AppFixture.SubmitSignInAsync(laterPage, email, "first-password");
        await Assertions.Expect(laterPage.GetByTestId("login-error")).ToContainTextAsync("無効化されています");
    }

    [Fact]
    public async Task Rep_OpensUsersPage_Denied()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "一般 担当");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);

        await page.GotoAsync("/settings/users");

        await Assertions.Expect(page.GetByText("このページを表示する権限がありません。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Rep_SwitchesToEnglish_MenuInEnglish()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "英語 利用");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/preferences");

        await page.GetByTestId("pref-language").ClickAsync();
        await page.GetByText("English", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("pref-save").ClickAsync();

        await AppFixture.WaitForUrlAsync(page, "**/settings/preferences");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true })).ToBeVisibleAsync();
    }
}
