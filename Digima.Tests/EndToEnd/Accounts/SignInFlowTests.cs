using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Accounts;

[Collection(AppCollection.Name)]
public sealed class SignInFlowTests(AppFixture app)
{
    [Fact]
    public async Task Page_Unauthenticated_RedirectsToSignIn()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/customers?q=test");

        Assert.EndsWith("/account/login?ReturnUrl=%2Fcustomers%3Fq%3Dtest", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("メールアドレス")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("パスワード")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "ログイン" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysOnSignIn()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "誤入力 テスト");
        var page = await app.NewPageAsync();

        await AppFixture.SubmitSignInAsync(page, rep.Email, "not-the-password");

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("メールアドレスまたはパスワードが正しくありません。");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "digima.auth");
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockedMessageEvenWithRightPassword()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "ロック テスト");
        var page = await app.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await AppFixture.SubmitSignInAsync(page, rep.Email, "wrong-" + i);
            await page.GetByTestId("login-error").WaitForAsync();
        }

        await page.GetByLabel("パスワード").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("アカウントを一時的にロックしました");
    }

    [Fact]
    public async Task SignIn_UnknownAddress_SameAnswersAsAKnownOne()
    {
        var page = await app.NewPageAsync();
        var nobody = $"nobody-{Guid.NewGuid():N}@digima.test";
        for (var i = 0; i < 4; i++)
        {
            await AppFixture.SubmitSignInAsync(page, nobody, "wrong-" + i);
            await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("メールアドレスまたはパスワードが正しくありません。");
        }

        await AppFixture.SubmitSignInAsync(page, nobody, "wrong-4");

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("アカウントを一時的にロックしました");
    }

    [Fact]
    public async Task SignIn_ThenSignOut_ReturnsToSignInAndPagesNeedSignInAgain()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "出入 太郎");
        var page = await app.NewPageAsync();

        await AppFixture.SignInAsync(page, rep.Email);
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/account/login");
        await page.GotoAsync("/customers");

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopMenu_HasMailCustomersTemplatesSettings()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "メニュー 確認");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);

        await page.GetByRole(AriaRole.Button, new() { Name = "メール" }).ClickAsync();
        await Assertions.Expect(page.GetByText("メールボックス", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByText("個別メール", new() { Exact = true }).ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual");

        await Assertions.Expect(page.GetByTestId("compose-button")).ToHaveTextAsync("個別メールを作成する");
        foreach (var label in new[] { "顧客", "テンプレート", "設定" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        }
    }
}
