using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Sending;

/// <summary>「今すぐ送信」 that meets a transient failure waits and is retried by itself; the rep
/// sees that, with the reason and the next try, in 個別メール and on the customer's timeline.</summary>
[Collection(AppCollection.Name)]
public sealed class SendRetryFlowTests(AppFixture app)
{
    [Fact]
    public async Task SendNow_ServerUnreachable_RepSeesRetryWaitingInIndividualMailAndTimeline()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "再送 担当");
        var actor = rep.AsActor();
        // Nothing listens on port 1 of the loopback: connection refused, a transient failure.
        await TestMailboxes.ConnectAsync(app.App.Services, actor, smtpPort: 1);
        var customer = await app.AddCustomerAsync("再送先");
        var input = new ComposeInput { Subject = "再送のテスト", Body = "本文です。よろしくお願いいたします。" };
        input.To.Add(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        Assert.True((await app.Get<SendMailCommand>().SendNowAsync(actor, input, CancellationToken.None)).Succeeded);

        var page = await app.OpenSignedInAsync(rep.Email, "/mail/individual");
        await Assertions.Expect(page.GetByTestId("mail-status")).ToHaveTextAsync("再送待ち", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("mail-retrying")).ToContainTextAsync("自動で再送します（1回目）");
        await Assertions.Expect(page.GetByTestId("mail-retrying")).ToContainTextAsync("127.0.0.1:1");
        await Assertions.Expect(page.GetByTestId("mail-retry")).ToHaveCountAsync(0);

        await page.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("timeline-mail").GetByTestId("mail-status")).ToHaveTextAsync("再送待ち");
    }
}
