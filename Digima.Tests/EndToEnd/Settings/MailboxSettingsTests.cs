using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Settings;

/// <summary>「設定」 → 「メールボックス連携」 against the real test Dovecot and Postfix.</summary>
[Collection(AppCollection.Name)]
public sealed class MailboxSettingsTests(AppFixture app)
{
    // Servers delay a failed login on purpose; the probe allows for it, so must the test.
    private static readonly LocatorAssertionsToContainTextOptions SlowServer = new() { Timeout = 45_000 };

    [Fact]
    public async Task Rep_ConnectsLocalServers_TestsSavesAndReloads_PasswordNeverShown()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "連携 太郎");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "メールボックス連携" }).ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/settings/mailbox");
        await Assertions.Expect(page.GetByTestId("mailbox-status")).ToContainTextAsync("未連携");

        await FillLocalServersAsync(page, rep.Email, "digima-demo");
        await page.GetByTestId("mailbox-test").ClickAsync();

        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp-message")).ToHaveTextAsync("ログインできました。", new() { Timeout = 45_000 });
        await Assertions.Expect(page.GetByTestId("mailbox-test-imap-message")).ToContainTextAsync("送信済みフォルダ「Sent」", SlowServer);
        await page.GetByTestId("mailbox-save").ClickAsync();
        await Assertions.Expect(page.GetByText("メールボックス連携を保存しました。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-status")).ToContainTextAsync("連携済み");

        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mailbox-smtp-host")).ToHaveValueAsync(TestEnvironment.MailHost);
        foreach (var protocol in new[] { "smtp", "imap" })
        {
            await Assertions.Expect(page.GetByTestId($"mailbox-{protocol}-password")).ToHaveValueAsync("");
            await Assertions.Expect(page.GetByTestId($"mailbox-{protocol}-password-state")).ToContainTextAsync("パスワード設定済み");
        }

        await Assertions.Expect(page.GetByTestId("mailbox-sent-folder")).ToHaveTextAsync("送信済みフォルダ: Sent");
        Assert.DoesNotContain("digima-demo", await page.ContentAsync(), StringComparison.Ordinal);
        var saved = await app.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
        Assert.Equal(("digima-demo", "digima-demo", "Sent"), (saved!.Smtp.Password, saved.Imap.Password, saved.SentFolderName));
    }

    [Fact]
    public async Task Rep_TestsWithWrongPassword_BothServersSayWrongPassword()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "誤入 力");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");

        await FillLocalServersAsync(page, rep.Email, "wrong-password");
        await page.GetByTestId("mailbox-test").ClickAsync();

        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp-message")).ToHaveTextAsync("ユーザー名またはパスワードが正しくありません。", new() { Timeout = 45_000 });
        await Assertions.Expect(page.GetByTestId("mailbox-test-imap-message")).ToHaveTextAsync("ユーザー名またはパスワードが正しくありません。", new() { Timeout = 45_000 });
        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp")).ToHaveAttributeAsync("data-status", "AuthenticationFailed");
    }

    [Fact]
    public async Task Rep_MetadataAddress_RefusedWithAMessage()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "内部 接続");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");

        foreach (var protocol in new[] { "smtp", "imap" })
        {
            await page.GetByTestId($"mailbox-{protocol}-host").FillAsync("169.254.169.254");
            await page.GetByTestId($"mailbox-{protocol}-password").FillAsync("some-password");
        }

        await page.GetByTestId("mailbox-test").ClickAsync();

        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp-message"))
            .ToHaveTextAsync("サーバー「169.254.169.254」は社内ネットワークなど、このサービスから接続できないアドレスです。メールサーバーの公開されているホスト名を入力してください。");
        await Assertions.Expect(page.GetByTestId("mailbox-test-imap")).ToHaveAttributeAsync("data-status", "AddressNotAllowed");
    }

    [Fact]
    public async Task Rep_ChangesPortOfSavedMailbox_MustTypePasswordAgain()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "港 変更");
        var actor = new Digima.Core.Common.CurrentUser(rep.Id, rep.Email, rep.DisplayName, rep.Role, rep.TimeZoneId, rep.Language);
        var input = new MailboxInput
        {
            Smtp = new() { Host = TestEnvironment.MailHost, Port = TestEnvironment.SmtpPort, Security = MailSecurity.None, UserName = rep.Email, Password = TestEnvironment.MailPassword },
            Imap = new() { Host = TestEnvironment.MailHost, Port = TestEnvironment.ImapPort, Security = MailSecurity.None, UserName = rep.Email, Password = TestEnvironment.MailPassword },
            SenderName = rep.DisplayName,
            SenderAddress = rep.Email,
        };
        Assert.True((await app.Get<SaveMailboxSettingsCommand>().SaveAsync(actor, input, CancellationToken.None)).Succeeded);
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        await Assertions.Expect(page.GetByTestId("mailbox-smtp-password-state")).ToHaveAttributeAsync("data-state", "set");

        await page.GetByTestId("mailbox-smtp-port").FillAsync("2525");
        await page.GetByTestId("mailbox-smtp-port").PressAsync("Tab");

        await Assertions.Expect(page.GetByTestId("mailbox-smtp-password-state")).ToHaveAttributeAsync("data-state", "reenter");
        await Assertions.Expect(page.GetByTestId("mailbox-smtp-password-state")).ToContainTextAsync("ポート番号");
        await page.GetByTestId("mailbox-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-test-smtp")).ToHaveCountAsync(0);
    }

    /// <summary>The test servers: loopback, no TLS, the rep's address as user name.</summary>
    internal static async Task FillLocalServersAsync(IPage page, string email, string password)
    {
        foreach (var (protocol, port) in new[] { ("smtp", TestEnvironment.SmtpPort), ("imap", TestEnvironment.ImapPort) })
        {
            await page.GetByTestId($"mailbox-{protocol}-host").FillAsync(TestEnvironment.MailHost);
            await page.GetByTestId($"mailbox-{protocol}-security").ClickAsync();
            var open = page.Locator(".mud-popover-open");
            await open.GetByText("なし（ローカル専用）", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(open).ToHaveCountAsync(0);
            if (protocol == "imap")
            {
                // The server answers the security change with the usual port (993 -> 143); typing
                // the port before that answer arrives would be overwritten by it.
                await Assertions.Expect(page.GetByTestId("mailbox-imap-port")).ToHaveValueAsync("143");
            }

            await page.GetByTestId($"mailbox-{protocol}-port").FillAsync(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId($"mailbox-{protocol}-user")).ToHaveValueAsync(email);
            await page.GetByTestId($"mailbox-{protocol}-password").FillAsync(password);
        }
    }
}
