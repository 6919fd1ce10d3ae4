using Digima.Core.Accounts;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>Steps shared by the compose browser tests (reps, customers and the signed-in page
/// come from <see cref="AppFixture"/>).</summary>
internal static class ComposeScenario
{
    /// <summary>The confirmation dialog's 「確認」 button (R10), after acknowledging the recipient
    /// warnings a flow may raise on the way (a second company in Cc, say); the tests of the warnings
    /// themselves are in <see cref="RecipientCheckTests"/>.</summary>
    public static async Task ConfirmAsync(IPage page)
    {
        await AcknowledgeWarningsAsync(page);
        var confirm = page.GetByTestId("confirm-send");
        await Assertions.Expect(confirm).ToHaveTextAsync("確認");
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
    }

    /// <summary>Ticks 「確認しました」 on every recipient warning once the dialog has checked the recipients.</summary>
    public static async Task AcknowledgeWarningsAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid='confirm-send-dialog'][data-recipient-check='done']")).ToHaveCountAsync(1);
        foreach (var ack in await page.GetByTestId("recipient-warning-ack").GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await ack.CheckAsync();
        }
    }

    /// <summary>The rep's mails, newest first, as stored.</summary>
    public static async Task<IReadOnlyList<OutgoingMail>> MailsOfAsync(AppFixture app, User rep) =>
        (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 20, CancellationToken.None)).Items;
}
