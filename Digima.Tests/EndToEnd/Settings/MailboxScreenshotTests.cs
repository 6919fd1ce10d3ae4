using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Settings;

/// <summary>docs/screenshots/mailbox-settings.png: a connected mailbox right after a successful test.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class MailboxScreenshotTests(AppFixture app)
{
    [Fact]
    public async Task Screen_MailboxSettings_ConnectedAndTested()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "佐藤 健太", $"sato.{Guid.NewGuid():N}"[..13] + "@digima.test");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        await MailboxSettingsTests.FillLocalServersAsync(page, rep.Email, "digima-demo");
        await page.GetByTestId("mailbox-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-status")).ToContainTextAsync("連携済み");
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);

        await page.GetByTestId("mailbox-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-test-imap-message")).ToContainTextAsync("送信済みフォルダ「Sent」", new() { Timeout = 45_000 });
        await Assertions.Expect(page.GetByTestId("mailbox-save")).ToBeEnabledAsync();
        // Let the buttons finish their colour transition from the disabled state.
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(400);

        await AppFixture.ScreenshotAsync(page, "mailbox-settings");
    }
}
