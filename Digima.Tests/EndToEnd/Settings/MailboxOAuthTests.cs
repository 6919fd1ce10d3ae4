using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Tests.EndToEnd.Compose;
using Digima.Tests.Infrastructure.OAuth;
using Digima.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
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
/// at the provider, back on 「メールボックス連携」 connected and tested; a mail written in compose
/// reaches the customer with one Sent copy, the customer's reply is imported onto the timeline.</summary>
public sealed class MailboxOAuthTests(DevOAuthAppFixture app) : IClassFixture<DevOAuthAppFixture>
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task ConnectWithProvider_SignInAndAllow_ConnectedTested_SendsFromCompose_ReplyOnTimeline_ThenDisconnected()
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
        // Neither token reaches the page, not even in its markup.
        var saved = (await app.Get<IMailboxRepository>().GetAsync(rep.Id, CancellationToken.None))!;
        var secrets = app.Get<ISecretProtector>();
        var html = await page.ContentAsync();
        Assert.DoesNotContain(secrets.Unprotect(saved.OAuth!.ProtectedRefreshToken), html, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.Unprotect(saved.OAuth.ProtectedAccessToken!), html, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-disconnect")).ToHaveTextAsync("接続を解除");
        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp")).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(page.GetByTestId("mailbox-test-imap")).ToHaveAttributeAsync("data-status", "Succeeded");
        await page.Mouse.MoveAsync(0, 0);
        await AppFixture.ScreenshotAsync(page, "mailbox-settings-oauth");

        // The rep writes from compose: the mail reaches the customer once, with one Sent copy.
        var customer = await app.AddCustomerAsync("小川");
        await page.GotoAsync($"/mail/compose?to={customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("compose-subject").FillAsync("OAuth で接続したメールボックスから");
        await page.GetByTestId("compose-body").FillAsync("小川様\n\nいつもお世話になっております。お見積りをお送りします。");
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        var sent = (await ComposeScenario.MailsOfAsync(app, rep)).Single();
        var delivered = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId, timeout: TimeSpan.FromSeconds(60)));
        await Assertions.Expect(page.GetByTestId("mail-status").First).ToHaveTextAsync("送信済み", new() { Timeout = 30_000 });
        Assert.Single(await MailboxReader.FindAsync(rep.Email, sent.MessageId, "Sent"));

        // The customer answers from their own mail client; the import reads it with the token.
        var answer = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "Re: OAuth で接続したメールボックスから", "<p>お見積りありがとうございます。</p>");
        answer.InReplyTo = delivered.MessageId;
        answer.References.Add(delivered.MessageId!);
        answer.Date = DateTimeOffset.Now.AddSeconds(2);
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(answer);
            await smtp.DisconnectAsync(true);
        }

        await MailboxReader.WaitForAsync(rep.Email, answer.MessageId!);
        await app.SyncUntilOnTimelineAsync(rep.AsActor(), customer.Id, 2);
        await page.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        var mails = page.GetByTestId("timeline-mail");
        await Assertions.Expect(mails).ToHaveCountAsync(2);
        await Assertions.Expect(mails.First.GetByTestId("timeline-direction")).ToHaveTextAsync("受信");
        await Assertions.Expect(mails.First.GetByTestId("timeline-subject")).ToHaveTextAsync("Re: OAuth で接続したメールボックスから");

        await page.GotoAsync("/settings/mailbox");
        await AppFixture.WaitInteractiveAsync(page);
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
