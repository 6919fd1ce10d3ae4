using Digima.Core.Compose.Signatures;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

[Collection(AppCollection.Name)]
public sealed class SignatureFlowTests(AppFixture app)
{
    private const string Typed = "━━━━━━━━━━\r\n{{送信者名}}\r\n株式会社デジマ 営業部\r\n━━━━━━━━━━";
    private const string Stored = "━━━━━━━━━━\n{{送信者名}}\n株式会社デジマ 営業部\n━━━━━━━━━━";

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_SetsSignatureWithSenderName_NewMailAndReplyCarryItMergedOnce()
    {
        var rep = await app.AddConnectedRepAsync("署名 太郎");
        var customer = await app.AddCustomerAsync("署名先");
        var merged = Stored.Replace("{{送信者名}}", "署名 太郎", StringComparison.Ordinal);
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/preferences");

        await page.GetByTestId("signature-text").FillAsync("{{担当者}}");
        await page.GetByTestId("signature-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signature-error")).ToHaveTextAsync("差し込み項目「{{担当者}}」は存在しません。「差し込み項目」ボタンから挿入してください。");
        await page.GetByTestId("signature-text").FillAsync(Typed);
        await page.GetByTestId("signature-save").ClickAsync();
        await Assertions.Expect(page.GetByText("署名を保存しました")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signature-error")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(page, "preferences-signature");

        await page.GotoAsync($"/mail/compose?to={customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        var body = page.GetByTestId("compose-body");
        var signatureSwitch = page.GetByRole(AriaRole.Switch, new() { Name = "署名を挿入" });
        await Assertions.Expect(body).ToHaveValueAsync("\n\n" + Stored);
        await Assertions.Expect(signatureSwitch).ToBeCheckedAsync();
        await page.GetByTestId("compose-subject").FillAsync("署名のテスト");
        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.InsertTextAsync("いつもお世話になっております。");
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("署名 太郎");

        // Off takes exactly the inserted block out; on puts it back under what was typed.
        await signatureSwitch.ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync("いつもお世話になっております。");
        await Assertions.Expect(signatureSwitch).Not.ToBeCheckedAsync();
        await signatureSwitch.ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync("いつもお世話になっております。\n\n" + Stored);
        await Assertions.Expect(signatureSwitch).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("株式会社デジマ 営業部");
        await body.FocusAsync();
        await AppFixture.ScreenshotAsync(page, "compose-signature");
        var sent = await SendAsync(page, rep, customer.Email, null);
        var text = Text(Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId)));
        Assert.EndsWith("いつもお世話になっております。\n\n" + merged, text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(1, Count(text, "株式会社デジマ 営業部"));

        await page.GotoAsync($"/mail/compose?replySent={sent.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        // The draft loads after the page turns interactive: wait for its quote before reading it.
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("さんは書きました"));
        var draft = await body.InputValueAsync();
        Assert.StartsWith("\n\n" + Stored + "\n\n", draft, StringComparison.Ordinal);
        Assert.Equal(1, Count(draft, Stored));
        Assert.Contains("> " + merged.Split('\n')[1], draft, StringComparison.Ordinal);
        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.InsertTextAsync("ご確認ありがとうございます。");
        var reply = await SendAsync(page, rep, customer.Email, sent.MessageId);
        var replyText = Text(Assert.Single(await MailboxReader.WaitForAsync(customer.Email, reply.MessageId)));
        Assert.StartsWith("ご確認ありがとうございます。\n\n" + merged + "\n\n", replyText, StringComparison.Ordinal);
        Assert.True(replyText.IndexOf(merged, StringComparison.Ordinal) < replyText.IndexOf("さんは書きました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rep_EditsSignatureInBody_SwitchingOffKeepsTheirText()
    {
        var rep = await app.AddUserAsync(Digima.Core.Accounts.UserRole.Rep, "編集 署名");
        Assert.True((await app.Get<SaveSignatureCommand>().SaveAsync(rep.AsActor(), Typed, CancellationToken.None)).Succeeded);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");
        var body = page.GetByTestId("compose-body");
        var signatureSwitch = page.GetByRole(AriaRole.Switch, new() { Name = "署名を挿入" });
        await Assertions.Expect(body).ToHaveValueAsync("\n\n" + Stored);
        await Assertions.Expect(page.GetByTestId("signature-edited")).ToHaveCountAsync(0);

        var edited = "ご連絡です。\n\n" + Stored.Replace("営業部", "営業二部", StringComparison.Ordinal);
        await body.FillAsync(edited);
        await Assertions.Expect(page.GetByTestId("signature-edited")).ToHaveTextAsync("本文の署名が編集されています。オフにしても本文からは削除されません。");
        await signatureSwitch.ClickAsync();

        await Assertions.Expect(signatureSwitch).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByText("署名が編集されているため、本文から削除していません。")).ToBeVisibleAsync();
        await Assertions.Expect(body).ToHaveValueAsync(edited);
    }

    private async Task<OutgoingMail> SendAsync(IPage page, Digima.Core.Accounts.User rep, string to, string? inReplyTo)
    {
        await page.GetByTestId("send-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToContainTextAsync(to);
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.OrScreenshotAsync(page, "signature-send-failure", () => AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000));
        var mail = (await ComposeScenario.MailsOfAsync(app, rep)).First(m => m.InReplyTo == inReplyTo);
        return mail;
    }

    private static string Text(MimeKit.MimeMessage message) => (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
