using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Sending;
using Digima.Tests.Infrastructure.OAuth;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Settings;

/// <summary>The app with the development OAuth server as provider <c>dev</c>. Its test client's
/// registered redirect URI is http://127.0.0.1/oauth/callback (no app listens there): the app is
/// told to use it (<c>Digima:OAuth:RedirectUri</c>, as behind a proxy) and the browser hands that
/// address on to the app's own callback.</summary>
public sealed class DevOAuthAppFixture() : AppFixture(new Dictionary<string, string?>(OAuthMailboxes.Settings(DevOAuthClient.TestClient))
{
    [$"Digima:OAuth:Providers:{OAuthMailboxes.Provider}:DisplayName"] = "開発用 OAuth サーバー",
    ["Digima:OAuth:RedirectUri"] = OAuthMailboxes.RedirectUri.AbsoluteUri,
});

/// <summary>「開発用 OAuth サーバー で接続」 clicked through in the browser: sign-in and consent
/// at the provider, back on 「メールボックス連携」 connected and tested, and mail sent through it.</summary>
public sealed class MailboxOAuthTests(DevOAuthAppFixture app) : IClassFixture<DevOAuthAppFixture>
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task ConnectWithProvider_SignInAndAllow_ConnectedTestedMailDeliveredThenDisconnected()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "佐藤 健太", DevOAuthClient.NewLogin());
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        await page.Context.RouteAsync(OAuthMailboxes.RedirectUri.AbsoluteUri + "**", route => route.FulfillAsync(new()
        {
            Status = 302,
            Headers = new Dictionary<string, string> { ["Location"] = app.BaseUrl + "/mailboxes/oauth/callback" + new Uri(route.Request.Url).Query },
        }));
        var start = page.GetByTestId("mailbox-oauth-start-dev");
        await Assertions.Expect(start).ToHaveTextAsync("開発用 OAuth サーバー で接続");
        await Assertions.Expect(page.GetByTestId("mailbox-other-title")).ToHaveTextAsync("その他のメールサーバー（IMAP/SMTP）");
        await AppFixture.ScreenshotAsync(page, "mailbox-settings-providers");

        await start.ClickAsync();
        await page.Locator("#login").FillAsync(rep.Email);
        await page.Locator("#password").FillAsync(TestEnvironment.MailPassword);
        await page.Locator("#allow").ClickAsync();

        await AppFixture.WaitForUrlAsync(page, "**/settings/mailbox?oauth=Connected**", 45_000);
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-outcome")).ToHaveAttributeAsync("data-status", "Connected");
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-provider")).ToContainTextAsync("開発用 OAuth サーバー");
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-account")).ToContainTextAsync(rep.Email);
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-disconnect")).ToHaveTextAsync("接続を解除");
        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp")).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(page.GetByTestId("mailbox-test-imap")).ToHaveAttributeAsync("data-status", "Succeeded");
        await page.Mouse.MoveAsync(0, 0);
        await AppFixture.ScreenshotAsync(page, "mailbox-settings-oauth");

        var customer = await app.AddCustomerAsync("小川");
        var sent = await app.Get<SendMailCommand>().SendNowAsync(
            new CurrentUser(rep.Id, rep.Email, rep.DisplayName, UserRole.Rep, "Asia/Tokyo", "ja"),
            new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "OAuth で接続したメールボックスから", Body = "{{姓}} 様" },
            CancellationToken.None);
        Assert.True(sent.Succeeded, string.Join("; ", sent.Errors));
        var mail = await app.Get<IOutgoingMailRepository>().GetAsync(sent.Value, CancellationToken.None);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail!.MessageId, timeout: TimeSpan.FromSeconds(60)));

        await page.GetByTestId("mailbox-oauth-disconnect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-start-dev")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-status")).ToContainTextAsync("未連携");
    }

    [Fact]
    public async Task ConnectWithProvider_SignedInAsAColleague_RefusedWithMessageNothingConnected()
    {
        var colleague = await app.AddUserAsync(UserRole.Rep, "鈴木 一郎", DevOAuthClient.NewLogin());
        var rep = await app.AddUserAsync(UserRole.Rep, "高橋 花子", DevOAuthClient.NewLogin());
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        await page.Context.RouteAsync(OAuthMailboxes.RedirectUri.AbsoluteUri + "**", route => route.FulfillAsync(new()
        {
            Status = 302,
            Headers = new Dictionary<string, string> { ["Location"] = app.BaseUrl + "/mailboxes/oauth/callback" + new Uri(route.Request.Url).Query },
        }));

        await page.GetByTestId("mailbox-oauth-start-dev").ClickAsync();
        await page.Locator("#login").FillAsync(colleague.Email);
        await page.Locator("#password").FillAsync(TestEnvironment.MailPassword);
        await page.Locator("#allow").ClickAsync();

        await AppFixture.WaitForUrlAsync(page, "**/settings/mailbox?oauth=AccountInUse**", 45_000);
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-outcome")).ToContainTextAsync(
            "このアカウントは別のユーザーのメールボックスまたはログインに使われているため、接続できませんでした。ご自身のアカウントで接続してください。");
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-start-dev")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-status")).ToContainTextAsync("未連携");
    }
}
