using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Accounts;

/// <summary>The app with a small per-client sign-in allowance (5 a minute), to reach it in a test.</summary>
public sealed class SignInThrottleAppFixture() : AppFixture(new Dictionary<string, string?>
{
    ["Digima:SignIn:RateLimit:PermitLimit"] = "5",
    ["Digima:SignIn:RateLimit:Window"] = "00:01:00",
});

public sealed class SignInThrottleTests(SignInThrottleAppFixture app) : IClassFixture<SignInThrottleAppFixture>
{
    [Fact]
    public async Task SignIn_OneClientTriesManyAddresses_ThrottledAfterTheAllowance()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "正規 利用");
        var page = await app.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            // A different address each time: the account lockout alone would never trigger.
            await AppFixture.SubmitSignInAsync(page, $"guess-{i}-{Guid.NewGuid():N}@digima.test", "password-" + i);
            await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("メールアドレスまたはパスワードが正しくありません。");
        }

        await AppFixture.SubmitSignInAsync(page, rep.Email, AppFixture.Password);

        await Assertions.Expect(page.GetByTestId("sign-in-throttled"))
            .ToHaveTextAsync("ログインの試行が多すぎます。しばらく待ってから、もう一度お試しください。");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "digima.auth");
        var again = await page.Context.APIRequest.GetAsync("/account/login");
        Assert.Equal(200, again.Status);
    }
}
