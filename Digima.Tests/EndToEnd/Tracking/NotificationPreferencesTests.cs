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
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/preferences");

        await page.GetByRole(AriaRole.Switch, new() { Name = "開封通知をメールでも受け取る" }).ClickAsync();

        await Assertions.Expect(page.GetByText("通知設定を保存しました。")).ToBeVisibleAsync();
        var actor = rep.AsActor();
        Assert.True((await app.Get<GetNotificationSettingsQuery>().GetAsync(actor, CancellationToken.None)).EmailOnOpen);
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "開封通知をメールでも受け取る" })).ToBeCheckedAsync();
    }
}
