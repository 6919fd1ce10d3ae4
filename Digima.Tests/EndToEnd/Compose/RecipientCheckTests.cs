using Digima.Core.Compose;
using Digima.Tests.Support;
using Microsoft.Playwright;
using static Digima.Tests.EndToEnd.Compose.ComposeScenario;

namespace Digima.Tests.EndToEnd.Compose;

[Collection(AppCollection.Name)]
public sealed class RecipientCheckTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task SendNow_NewDomainSecondCompanyAndWrongSalutation_WarnsUntilAcknowledgedThenDelivers()
    {
        var rep = await app.AddConnectedRepAsync("宛先 確認");
        var known = await app.AddCustomerAsync("鷲見", "一郎", "既知商事");
        var newDomain = $"n{Guid.NewGuid():N}"[..10] + ".co.jp";
        var fresh = await app.AddCustomerAsync("佐伯", "花子", "新規工業", $"saeki@{newDomain}");
        var earlier = await app.Get<SendMailCommand>().SendNowAsync(
            rep.AsActor(), new ComposeInput { To = [new(known.Id, known.Email, known.FullName)], Subject = "先日のお礼", Body = "鷲見様\n先日はありがとうございました。" }, CancellationToken.None);
        Assert.True(earlier.Succeeded);
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={known.Id}");

        await page.GetByTestId("toggle-cc-bcc").ClickAsync();
        await page.GetByTestId("recipient-input-cc").FillAsync("佐伯");
        await page.GetByText(fresh.Email).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipients-cc").GetByTestId("recipient-chip")).ToContainTextAsync(fresh.Email);
        await page.GetByTestId("compose-subject").FillAsync("新製品のご案内");
        await page.GetByTestId("compose-body").FillAsync("佐伯様\n\nいつもお世話になっております。新製品のご案内をお送りします。");
        await page.GetByTestId("send-now").ClickAsync();

        var dialog = page.GetByTestId("confirm-send-dialog");
        await Assertions.Expect(dialog.GetByTestId("recipient-group-name")).ToHaveTextAsync(["既知商事", "新規工業"]);
        var warnings = dialog.GetByTestId("recipient-warning");
        await Assertions.Expect(warnings).ToHaveCountAsync(3);
        await Assertions.Expect(warnings.Nth(0)).ToContainTextAsync($"初めて送信するドメインです（{newDomain}）");
        await Assertions.Expect(warnings.Nth(1)).ToContainTextAsync("複数の社外の会社が含まれています（既知商事、新規工業）");
        await Assertions.Expect(warnings.Nth(2)).ToContainTextAsync("本文の宛名「佐伯」が最初の宛先（鷲見 一郎）と一致しません。");
        var confirm = page.GetByTestId("confirm-send");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await AppFixture.ScreenshotAsync(page, "compose-recipient-check");
        await warnings.Nth(0).GetByRole(AriaRole.Checkbox).CheckAsync();
        await warnings.Nth(1).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await warnings.Nth(2).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await ConfirmAsync(page);

        await AppFixture.OrScreenshotAsync(page, "recipient-check-send", () => AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000));
        var sent = (await MailsOfAsync(app, rep)).First(m => m.Subject == "新製品のご案内");
        var received = Assert.Single(await MailboxReader.WaitForAsync(fresh.Email, sent.MessageId));
        Assert.Equal([fresh.Email], received.Cc.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task SendNow_FirstMailOfNewRepToOneCustomer_NoWarningsAndConfirmEnabled()
    {
        var rep = await app.AddConnectedRepAsync("初回 送信");
        var customer = await app.AddCustomerAsync("初音", company: "初回商事", email: $"hatsune@f{Guid.NewGuid():N}"[..20] + ".co.jp");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("compose-subject").FillAsync("ご挨拶");
        await page.GetByTestId("compose-body").FillAsync("初音様\n\nはじめてご連絡いたします。よろしくお願いいたします。");
        await page.GetByTestId("send-now").ClickAsync();

        var dialog = page.GetByTestId("confirm-send-dialog");
        await Assertions.Expect(dialog).ToHaveAttributeAsync("data-recipient-check", "done");
        await Assertions.Expect(dialog.GetByTestId("recipient-group-name")).ToHaveTextAsync(["初回商事"]);
        await Assertions.Expect(dialog.GetByTestId("recipient-warning")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("confirm-send")).ToBeEnabledAsync();
    }
}
