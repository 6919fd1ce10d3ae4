using Digima.Core.Accounts;
using Digima.Core.Accounts.Users;
using Digima.Core.Common;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Accounts;

/// <summary>A sign-in cookie stops working when the user's security stamp changes: 「ログアウト」,
/// a password reset, a role change. A copy of the cookie taken before (another browser, a
/// thief) is refused on its next request.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionEndTests(AppFixture app)
{
    [Fact]
    public async Task SignOut_CookieCopiedBefore_NoLongerWorks()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "写し 太郎");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        var copy = await CopySessionAsync(page);
        Assert.True(await OpensAsync(copy, "/customers"));

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/account/login");

        Assert.False(await OpensAsync(copy, "/customers"));
    }

    [Fact]
    public async Task PasswordReset_CookieCopiedBefore_NoLongerWorks()
    {
        var manager = await AddManagerAsync("リセット 管理");
        var rep = await app.AddUserAsync(UserRole.Rep, "再設定 花子");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        var copy = await CopySessionAsync(page);
        Assert.True(await OpensAsync(copy, "/customers"));

        await UpdateAsync(manager, rep, UserRole.Rep, password: "a-new-password-1");

        Assert.False(await OpensAsync(copy, "/customers"));
        Assert.False(await OpensAsync(page, "/customers"));
    }

    [Fact]
    public async Task RoleChange_ManagerCookieCopiedBefore_NoLongerOpensManagerPages()
    {
        var admin = await AddManagerAsync("人事 部長");
        var demoted = await AddManagerAsync("降格 次郎");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, demoted.Email);
        var copy = await CopySessionAsync(page);
        Assert.True(await OpensAsync(copy, "/settings/users"));
        await Assertions.Expect(copy.GetByTestId("user-table")).ToBeVisibleAsync();

        await UpdateAsync(admin, demoted, UserRole.Rep);

        Assert.False(await OpensAsync(copy, "/settings/users"));
        await AppFixture.SignInAsync(copy, demoted.Email);
        await copy.GotoAsync("/settings/users");
        await Assertions.Expect(copy.GetByText("このページを表示する権限がありません。")).ToBeVisibleAsync();
        await Assertions.Expect(copy.GetByTestId("user-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_Refused_StillSignedIn()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "偽造 三郎");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);

        // What a form on another site sends: the browser's cookies, no token.
        var response = await page.Context.APIRequest.PostAsync("/account/logout", new() { MaxRedirects = 0, Form = page.Context.APIRequest.CreateFormData() });

        Assert.Equal(400, response.Status);
        Assert.True(await OpensAsync(page, "/customers"));
    }

    [Theory]
    [InlineData("%2Ftemplates%01x")]
    [InlineData("%2Ftemplates%0D%0ASet-Cookie%3A%20x%3D1")]
    public async Task SignIn_ReturnUrlWithControlCharacter_GoesHome(string returnUrl)
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "制御 文字");
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login?ReturnUrl=" + returnUrl);
        await page.GetByLabel("メールアドレス").FillAsync(rep.Email);
        await page.GetByLabel("パスワード").FillAsync(AppFixture.Password);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.True(response.Status < 500, $"sign-in answered {response.Status}");
        // Home is the customer list.
        await AppFixture.OrScreenshotAsync(page, "returnurl-control", () => AppFixture.WaitForUrlAsync(page, "**/customers"));
        await AppFixture.WaitInteractiveAsync(page);
    }

    [Fact]
    public async Task SignIn_ReturnUrlWithJapanese_LandsThere()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "日本 語");
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("/customers?q=田中"));
        await page.GetByLabel("メールアドレス").FillAsync(rep.Email);
        await page.GetByLabel("パスワード").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await AppFixture.OrScreenshotAsync(page, "returnurl-japanese", () => AppFixture.WaitForUrlAsync(page, "**/customers?q=**"));
        Assert.Equal("?q=田中", Uri.UnescapeDataString(new Uri(page.Url).Query));
    }

    private async Task<User> AddManagerAsync(string name) => await app.AddUserAsync(UserRole.Manager, name);

    private async Task UpdateAsync(User actor, User user, UserRole role, string password = "")
    {
        var manager = new CurrentUser(actor.Id, actor.Email, actor.DisplayName, UserRole.Manager, actor.TimeZoneId, actor.Language);
        var outcome = await app.Get<UpdateUserCommand>().UpdateAsync(manager, user.Id,
            new UserInput { Email = user.Email, DisplayName = user.DisplayName, Role = role, IsActive = true, Password = password }, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
    }

    /// <summary>Another browser holding a copy of the page's cookies.</summary>
    private async Task<IPage> CopySessionAsync(IPage page)
    {
        var copy = await app.NewPageAsync();
        var cookies = await page.Context.CookiesAsync();
        await copy.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        return copy;
    }

    /// <summary>True when the page opens; false when the app sends the browser to sign in.</summary>
    private static async Task<bool> OpensAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        return !page.Url.Contains("/account/login", StringComparison.Ordinal);
    }
}
