using Digima.Core.Sending;
using Digima.Tests.Infrastructure.Tracking;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>「開封・通知設定」 in compose decides what the customer's copy carries.</summary>
[Collection(AppCollection.Name)]
public sealed class ComposeTrackedTests(AppFixture app)
{
    [Fact]
    public async Task Compose_OpenAndClickTrackingOn_DeliveredHtmlHasImageAndTrackedLink()
    {
        var rep = await app.AddConnectedRepAsync("中村 計測");
        var customer = await app.AddCustomerAsync("柏木");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("compose-subject").FillAsync("計測付きのご案内");
        await page.GetByTestId("compose-body").FillAsync("柏木様\n詳細は https://example.co.jp/plan をご覧ください。");
        await page.GetByText("開封・通知設定").ClickAsync();
        await page.GetByRole(AriaRole.Switch, new() { Name = "開封をトラッキングする" }).ClickAsync();
        await page.GetByRole(AriaRole.Switch, new() { Name = "リンクのクリックをトラッキングする" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tracking-unavailable")).ToHaveCountAsync(0);
        await page.GetByTestId("send-now").ClickAsync();
        var confirm = page.GetByTestId("confirm-send");
        await confirm.ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToHaveCountAsync(0, new() { Timeout = 3000 });
        }
        catch (PlaywrightException)
        {
            // A click that lands while the dialog re-renders its buttons is lost; click once more.
            await confirm.ClickAsync();
        }

        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "計測付きのご案内" });
        await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 20_000 });
        await Assertions.Expect(row.GetByTestId("tracking-open")).ToContainTextAsync("開封");
        var mail = (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 1, CancellationToken.None)).Items.Single();
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        Assert.StartsWith("https://track.digima.test/t/o/", Assert.Single(TrackedSendTests.PixelUrls(received.HtmlBody)), StringComparison.Ordinal);
        Assert.StartsWith("https://track.digima.test/t/c/", Assert.Single(TrackedSendTests.Hrefs(received.HtmlBody)), StringComparison.Ordinal);
    }
}
