using Digima.Core.Accounts;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>Steps shared by the compose browser tests (reps, customers and the signed-in page
/// come from <see cref="AppFixture"/>).</summary>
internal static class ComposeScenario
{
    /// <summary>The confirmation dialog's 「確認」 button (R10).</summary>
    public static async Task ConfirmAsync(IPage page)
    {
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

    /// <summary>The rep's mails, newest first, as stored.</summary>
    public static async Task<IReadOnlyList<OutgoingMail>> MailsOfAsync(AppFixture app, User rep) =>
        (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 20, CancellationToken.None)).Items;
}
