using Digima.Core.Accounts;
using Digima.Core.MailImport;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Awaiting;

/// <summary>「返信待ち」 (B8) as a rep and a manager use it: the page under メール, the chips on the
/// profile and timeline, a row opening the thread with 「返信」, the manager's per-rep filter.</summary>
[Collection(AppCollection.Name)]
public sealed class AwaitingReplyFlowTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_OpensAwaitingFromMenu_RowOpensThread_RepliesAndCustomerLeavesThePage()
    {
        var rep = await app.AddConnectedRepAsync("返信待ち 担当");
        var customer = await app.AddCustomerAsync("待機", "一郎", "待機商事");
        var question = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "見積もりのお願い", "<p>見積もりをお願いできますか。</p>");
        question.Date = DateTimeOffset.Now.AddHours(-1);
        await TestMailboxes.AppendAsync(rep.Email, question, "INBOX");
        await app.SyncUntilOnTimelineAsync(rep.AsActor(), customer.Id, 1);

        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");
        await Assertions.Expect(page.Locator("[data-testid='awaiting-chip']").First).ToContainTextAsync("返信待ち");
        await Assertions.Expect(page.GetByTestId("timeline-mail").GetByTestId("awaiting-chip")).ToHaveCountAsync(1);

        await page.GotoAsync($"/customers?q={Uri.EscapeDataString(customer.Email)}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("awaiting-chip")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^返信待ち \d+営業日$"));

        await page.GetByTestId("menu-mail").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("返信待ち", new() { Exact = true }).ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/awaiting");
        await AppFixture.WaitInteractiveAsync(page);
        var row = page.Locator($"[data-testid='awaiting-row'][data-customer-id='{customer.Id}']");
        await Assertions.Expect(row.GetByTestId("awaiting-subject")).ToHaveTextAsync("見積もりのお願い");
        await Assertions.Expect(row.GetByTestId("awaiting-rep-name")).ToHaveTextAsync("返信待ち 担当");
        await Assertions.Expect(row.GetByTestId("awaiting-age")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+営業日$"));
        await Assertions.Expect(row).ToContainTextAsync("待機商事");
        await AppFixture.ScreenshotAsync(page, "awaiting-replies");

        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread-dialog").GetByTestId("thread-item")).ToHaveCountAsync(1);
        // 「全員に返信」 and 「転送」 stand beside 「返信」 wherever it is.
        await Assertions.Expect(page.GetByTestId("thread-reply-all")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"/mail/compose\?replyAll=\d+$"));
        await Assertions.Expect(page.GetByTestId("thread-forward")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"/mail/compose\?forward=\d+$"));
        await page.GetByTestId("thread-reply").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?reply=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 見積もりのお願い");
        var quoted = await page.GetByTestId("compose-body").InputValueAsync();
        await page.GetByTestId("compose-body").FillAsync("お見積もりをお送りします。ご確認ください。" + quoted);
        await page.GetByTestId("send-now").ClickAsync();
        await page.GetByTestId("confirm-send").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);

        await page.GotoAsync("/mail/awaiting");
        await AppFixture.WaitInteractiveAsync(page);
        // Sent after the undo grace: the page follows the send live.
        await Assertions.Expect(page.Locator($"[data-testid='awaiting-row'][data-customer-id='{customer.Id}']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Manager_FiltersPerRep_RepSeesOnlyTheirOwn()
    {
        var rep = await app.AddConnectedRepAsync("フィルタ 担当");
        var colleague = await app.AddConnectedRepAsync("フィルタ 同僚");
        var manager = await app.AddUserAsync(UserRole.Manager, "フィルタ 管理者");
        var customer = await app.AddCustomerAsync("絞込", "花子", "絞込物産");
        var question = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "納期の確認", "<p>納期を教えてください。</p>");
        // Older than anything else waiting in the shared database: first on 「全員」's first page.
        question.Date = DateTimeOffset.Now.AddYears(-30);
        await TestMailboxes.AppendAsync(rep.Email, question, "INBOX");
        await app.SyncUntilOnTimelineAsync(rep.AsActor(), customer.Id, 1);
        var mine = $"[data-testid='awaiting-row'][data-customer-id='{customer.Id}']";

        var page = await app.OpenSignedInAsync(manager.Email, "/mail/awaiting");
        await Assertions.Expect(page.Locator(mine)).ToHaveCountAsync(1);
        await PickRepAsync(page, "フィルタ 同僚");
        await Assertions.Expect(page.Locator(mine)).ToHaveCountAsync(0);
        await PickRepAsync(page, "フィルタ 担当");
        await Assertions.Expect(page.Locator(mine).GetByTestId("awaiting-subject")).ToHaveTextAsync("納期の確認");
        await Assertions.Expect(page.GetByTestId("awaiting-row")).ToHaveCountAsync(1);

        var other = await app.OpenSignedInAsync(colleague.Email, "/mail/awaiting");
        await Assertions.Expect(other.GetByTestId("awaiting-empty")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("awaiting-rep")).ToHaveCountAsync(0);
    }

    private static async Task PickRepAsync(IPage page, string name)
    {
        await page.GetByTestId("awaiting-rep").ClickAsync();
        var open = page.Locator(".mud-popover-open");
        await open.GetByText(name, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(open).ToHaveCountAsync(0);
    }
}
