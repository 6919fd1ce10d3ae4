using Digima.Core.Common;
using Digima.Core.Notifications;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Tracking;

[Collection(AppCollection.Name)]
public sealed class NotificationPreferencesTests(AppFixture app)
{
    [Fact]
    public async Task Preferences_TurnOnEmailOnOpen_SavedAndShownAfterReload()
    {
        var rep = await app.AddUserAsync(Digima.Core.Accounts.UserRole.Rep, "小林 設定");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        await page.GotoAsync("/settings/preferences");
        await AppFixture.WaitInteractiveAsync(page);

        await page.GetByRole(AriaRole.Switch, new() { Name = "開封通知をメールでも受け取る" }).ClickAsync();

        await Assertions.Expect(page.GetByText("通知設定を保存しました。")).ToBeVisibleAsync();
        var actor = new CurrentUser(rep.Id, rep.Email, rep.DisplayName, rep.Role, rep.TimeZoneId, rep.Language);
        Assert.True((await app.Get<GetNotificationSettingsQuery>().GetAsync(actor, CancellationToken.None)).EmailOnOpen);
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "開封通知をメールでも受け取る" })).ToBeCheckedAsync();
    }
}
