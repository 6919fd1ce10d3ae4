using System.Text.RegularExpressions;
using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Core.Sending.UndoSend;
using Digima.Tests.EndToEnd.Compose;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Sending;

/// <summary>「送信を取り消す」 as the rep sees it: the snackbar on 個別メール counting down to the
/// outbox row's send_after, the mail back in compose after an undo, and otherwise sent once.</summary>
[Collection(AppCollection.Name)]
public sealed partial class UndoSendTests(AppFixture app)
{
    [Fact]
    public async Task SendNow_UndoWithinGrace_ComposeReopensWithMail_NothingReachesCustomer()
    {
        var (rep, customer) = await RepWithGraceAsync("取消 担当", "取消先", seconds: 15);
        var page = await SendFromComposeAsync(rep, customer, "取り消すご案内 {{姓}}様");

        var snackbar = page.GetByTestId("undo-send-snackbar");
        await Assertions.Expect(snackbar.GetByTestId("undo-send-remaining")).ToHaveTextAsync(Remaining());
        await snackbar.GetByTestId("undo-send").ClickAsync();

        // The undone mail is a 「下書き」 at once: compose moves from ?undone= to the saved draft's address.
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("取り消すご案内 {{姓}}様");
        await Assertions.Expect(page.GetByTestId("draft-saved")).ToContainTextAsync("下書きを保存しました");
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?draft=*");
        var draft = Assert.Single((await app.Get<Digima.Core.Compose.Drafts.ListDraftsQuery>().ListAsync(rep.AsActor(), 0, 5, CancellationToken.None)).Items);
        Assert.Equal("取り消すご案内 {{姓}}様", draft.Subject);
        await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveValueAsync("{{姓}} 様\nご確認ください。");
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);
        var undone = (await ComposeScenario.MailsOfAsync(app, rep)).Single();
        Assert.Equal(MailStatus.Cancelled, undone.Status);

        // A later mail to the same customer is due after the undone one was; the outbox takes mail in
        // order, so once the later one has arrived the undone one would have been sent before it.
        var later = new ComposeInput { Subject = "後の連絡", Body = "本文です。よろしくお願いいたします。" };
        later.To.Add(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        var laterId = (await app.Get<SendMailCommand>().SendNowAsync(rep.AsActor(), later, CancellationToken.None)).Value;
        var laterMail = (await app.Get<IOutgoingMailRepository>().GetAsync(laterId, CancellationToken.None))!;
        Assert.True(laterMail.SendAfter > undone.CreatedAt + TimeSpan.FromSeconds(15));
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, laterMail.MessageId, timeout: TimeSpan.FromSeconds(60)));
        Assert.Empty(await MailboxReader.FindAsync(customer.Email, undone.MessageId));
        Assert.Equal(MailStatus.Cancelled, (await app.Get<IOutgoingMailRepository>().GetAsync(undone.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SendNow_PageReloaded_UndoOfferedAgainAndStillTakesTheMailBack()
    {
        var (rep, customer) = await RepWithGraceAsync("再読込 担当", "再読込先", seconds: 20);
        var page = await SendFromComposeAsync(rep, customer, "再読込でも取り消せるご案内");
        await Assertions.Expect(page.GetByTestId("undo-send-snackbar")).ToBeVisibleAsync();

        // A reload is a new circuit: the snackbar of the old one is gone with it.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        var snackbar = page.GetByTestId("undo-send-snackbar");
        await Assertions.Expect(snackbar).ToHaveCountAsync(1);
        await Assertions.Expect(snackbar.GetByTestId("undo-send-remaining")).ToHaveTextAsync(Remaining());
        await snackbar.GetByTestId("undo-send").ClickAsync();

        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?undone=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("再読込でも取り消せるご案内");
        Assert.Equal(MailStatus.Cancelled, (await ComposeScenario.MailsOfAsync(app, rep)).Single().Status);
    }

    [Fact]
    public async Task SendNow_RepDoesNothing_SnackbarGoesAndMailArrivesOnceAfterGrace()
    {
        var rep = await app.AddConnectedRepAsync("猶予 担当");
        var customer = await app.AddCustomerAsync("猶予先");
        var settings = await app.OpenSignedInAsync(rep.Email, "/settings/preferences");
        await settings.GetByTestId("undo-grace-seconds").FillAsync("4");
        await settings.GetByTestId("undo-grace-save").ClickAsync();
        await Assertions.Expect(settings.GetByText("送信の取り消し猶予を保存しました")).ToBeVisibleAsync();
        await settings.CloseAsync();
        var page = await SendFromComposeAsync(rep, customer, "そのまま送るご案内");

        await Assertions.Expect(page.GetByTestId("undo-send-remaining")).ToHaveTextAsync(Remaining());
        await Assertions.Expect(page.GetByTestId("undo-send-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "そのまま送るご案内" });
        await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 30_000 });

        var mail = (await ComposeScenario.MailsOfAsync(app, rep)).Single();
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        // SentAt is the Date header, stamped at hand-over and cut to the whole second.
        Assert.True(mail.SentAt > mail.SendAfter - TimeSpan.FromSeconds(1), $"sent at {mail.SentAt:O}, grace until {mail.SendAfter:O}");
        Assert.Equal(mail.CreatedAt + TimeSpan.FromSeconds(4), mail.SendAfter);
    }

    private async Task<(User Rep, Customer Customer)> RepWithGraceAsync(string repName, string customerName, int seconds)
    {
        var rep = await app.AddConnectedRepAsync(repName);
        Assert.True((await app.Get<SaveUndoGraceCommand>().SaveAsync(rep.AsActor(), seconds, CancellationToken.None)).Succeeded);
        return (rep, await app.AddCustomerAsync(customerName));
    }

    private async Task<IPage> SendFromComposeAsync(User rep, Customer customer, string subject)
    {
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync(subject);
        await page.GetByTestId("compose-body").FillAsync("{{姓}} 様\nご確認ください。");
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        return page;
    }

    [GeneratedRegex(@"^メールを送信します（あと\d+秒）$")]
    private static partial Regex Remaining();
}
