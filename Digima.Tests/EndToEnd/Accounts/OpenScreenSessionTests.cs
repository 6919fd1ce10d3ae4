using Digima.Core.Accounts;
using Digima.Core.Accounts.Users;
using Digima.Core.Common;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Accounts;

/// <summary>The app with open screens re-checking their user every 2 s instead of every minute,
/// so a test can watch an open screen lose access without waiting a minute.</summary>
public sealed class QuickRevalidationAppFixture() : AppFixture(new Dictionary<string, string?>
{
    ["Digima:Sessions:RevalidationInterval"] = "00:00:02",
});

/// <summary>An open screen (a live circuit) loses access when its user's security stamp changes.</summary>
public sealed class OpenScreenSessionTests(QuickRevalidationAppFixture app) : IClassFixture<QuickRevalidationAppFixture>
{
    [Fact]
    public async Task OpenUsersPage_ManagerDemoted_LosesManagerPageWithoutReload()
    {
        var admin = await app.AddUserAsync(UserRole.Manager, "人事 部長");
        var demoted = await app.AddUserAsync(UserRole.Manager, "降格 四郎");
        var page = await app.OpenSignedInAsync(demoted.Email, "/settings/users");
        await Assertions.Expect(page.GetByTestId("user-table")).ToBeVisibleAsync();

        var actor = new CurrentUser(admin.Id, admin.Email, admin.DisplayName, UserRole.Manager, admin.TimeZoneId, admin.Language);
        var outcome = await app.Get<UpdateUserCommand>().UpdateAsync(actor, demoted.Id,
            new UserInput { Email = demoted.Email, DisplayName = demoted.DisplayName, Role = UserRole.Rep, IsActive = true }, CancellationToken.None);
        Assert.True(outcome.Succeeded);

        // No reload: the open screen notices by itself and sends the user to sign in.
        await AppFixture.WaitForUrlAsync(page, "**/account/login**");
        await AppFixture.SignInAsync(page, demoted.Email);
        await page.GotoAsync("/settings/users");
        await Assertions.Expect(page.GetByText("このページを表示する権限がありません。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OpenPage_SignedOutInAnotherBrowser_SentToSignIn()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "二台 五郎");
        var open = await app.OpenSignedInAsync(rep.Email, "/customers");
        var other = await app.NewPageAsync();
        await AppFixture.SignInAsync(other, rep.Email);

        await other.GetByTestId("user-menu").ClickAsync();
        await other.GetByTestId("logout").ClickAsync();

        // Sign-out ends every session of the user, the open screen in the first browser too.
        await AppFixture.WaitForUrlAsync(open, "**/account/login**");
    }
}
