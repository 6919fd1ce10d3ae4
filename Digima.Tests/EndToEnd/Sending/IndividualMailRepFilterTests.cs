using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Sending;

/// <summary>個別メール's 担当者 filter: a manager reads a rep's individual mail; the actions and the
/// drafts stay the rep's own.</summary>
[Collection(AppCollection.Name)]
public sealed class IndividualMailRepFilterTests(AppFixture app)
{
    [Fact]
    public async Task Manager_PicksRep_SeesTheirMailWithoutTheirActions_RepHasNoFilter()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "絞込 担当");
        var manager = await app.AddUserAsync(UserRole.Manager, "絞込 管理");
        // The local Postfix refuses this domain for good: the mail fails, and its rep gets 「再送」 on it.
        var customer = await app.AddCustomerAsync("絞込先", email: $"x.{Guid.NewGuid():N}"[..14] + "@refused.test");
        var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "担当者別に見るご案内", Body = "本文です。よろしくお願いいたします。" };
        await TestMailboxes.ConnectAsync(app.App.Services, rep.AsActor());
        var id = (await app.Get<SendMailCommand>().SendNowAsync(rep.AsActor(), input, CancellationToken.None)).Value;
        var repPage = await app.OpenSignedInAsync(rep.Email, "/mail/individual");
        var repRow = repPage.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "担当者別に見るご案内" });
        await Assertions.Expect(repRow.GetByTestId("mail-retry")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(repPage.GetByTestId("mail-rep")).ToHaveCountAsync(0);

        var page = await app.OpenSignedInAsync(manager.Email, "/mail/individual");
        await Assertions.Expect(page.GetByTestId("mail-empty")).ToBeVisibleAsync();
        await page.GetByTestId("mail-rep").ClickAsync();
        var open = page.Locator(".mud-popover-open");
        await open.GetByText("絞込 担当", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(open).ToHaveCountAsync(0);

        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "担当者別に見るご案内" });
        await Assertions.Expect(row.GetByTestId("mail-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("filter-drafts")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("mail-retry")).ToHaveCountAsync(0);
        Assert.Equal(rep.Id, (await app.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!.UserId);

    }
}
