using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>「全員に返信」 and 「転送」 through the real servers (E5): who the mail reaches, with which
/// To and Cc, and that nobody but customers lands in the customer list.</summary>
[Collection(AppCollection.Name)]
public sealed class ReplyAllForwardTests(AppFixture app)
{
    [Fact]
    public async Task ReplyAll_FromPreview_SenderInToOthersInCc_RepLeftOut_NoCustomerMade()
    {
        var rep = await app.AddConnectedRepAsync("全員 返信");
        var sender = await app.AddCustomerAsync("差出", company: "取引先商事");
        var copied = await app.AddCustomerAsync("同報", company: "取引先商事");
        var partner = PlainAddress("partner");
        var question = TestMailboxes.HtmlMessage(sender.Email, rep.Email, "Re: 打合せ日程", "<p>候補日をお知らせください。</p>");
        question.To.Add(MailboxAddress.Parse(partner));
        question.Cc.Add(MailboxAddress.Parse(copied.Email));
        await TestMailboxes.AppendAsync(rep.Email, question, "INBOX");
        await app.SyncUntilImportedAsync(rep.AsActor(), MailDirection.Received, 1);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");

        await page.GetByTestId("mail-list-received").GetByText("打合せ日程").ClickAsync();
        await page.GetByTestId("preview-reply-all").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?replyAll=*");
        await AppFixture.WaitInteractiveAsync(page);
        var toChips = page.GetByTestId("recipients-to").GetByTestId("recipient-chip");
        var ccChips = page.GetByTestId("recipients-cc").GetByTestId("recipient-chip");
        await Assertions.Expect(toChips).ToHaveCountAsync(1);
        await Assertions.Expect(toChips).ToContainTextAsync(sender.Email);
        await Assertions.Expect(ccChips).ToHaveCountAsync(2);
        await Assertions.Expect(ccChips.Filter(new() { HasText = copied.Email })).ToHaveAttributeAsync("data-party", "customer");
        await Assertions.Expect(ccChips.Filter(new() { HasText = partner })).ToHaveAttributeAsync("data-party", "address");
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 打合せ日程");
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);

        var sent = (await ComposeScenario.MailsOfAsync(app, rep))[0];
        Assert.DoesNotContain(sent.Recipients, r => string.Equals(r.Email, rep.Email, StringComparison.OrdinalIgnoreCase));
        foreach (var address in new[] { sender.Email, copied.Email, partner })
        {
            var received = Assert.Single(await MailboxReader.WaitForAsync(address, sent.MessageId));
            Assert.Equal([sender.Email], received.To.Mailboxes.Select(m => m.Address));
            Assert.Equal(new[] { copied.Email, partner }.Order(), received.Cc.Mailboxes.Select(m => m.Address).Order());
            Assert.Equal(question.MessageId, received.InReplyTo);
        }

        Assert.Empty(await CustomersWithAsync(rep, partner));
    }

    [Fact]
    public async Task Forward_FromTimeline_NewCustomerGetsOneFwdWithHeaderBlock_NotThreaded()
    {
        var rep = await app.AddConnectedRepAsync("転送 担当");
        var first = await app.AddCustomerAsync("転送元", company: "甲商事");
        var next = await app.AddCustomerAsync("転送先" + Guid.NewGuid().ToString("N")[..4], company: "甲商事");
        var original = await SendAsync(rep, new ComposeInput
        {
            To = [new ComposeRecipient(first.Id, first.Email, first.FullName)],
            Subject = "転送: 仕様書の件",
            Body = "仕様書を添付いたします。",
        });
        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{first.Id}");

        var row = page.GetByTestId("timeline-mail").Filter(new() { HasText = "仕様書の件" });
        await row.GetByTestId("timeline-forward").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/mail/compose?forwardSent={original.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("転送を作成");
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Fwd: 仕様書の件");
        await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
            $"{ForwardDraft.Divider}\n差出人: 転送 担当 <{System.Text.RegularExpressions.Regex.Escape(rep.Email)}>\n日時: .+\n件名: 転送: 仕様書の件\n宛先: .*{System.Text.RegularExpressions.Regex.Escape(first.Email)}"));
        await page.GetByTestId("recipient-input-to").FillAsync(next.LastName);
        await page.GetByText(next.Email).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(next.Email);
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);

        var forwarded = (await ComposeScenario.MailsOfAsync(app, rep))[0];
        var received = Assert.Single(await MailboxReader.WaitForAsync(next.Email, forwarded.MessageId));
        Assert.Equal("Fwd: 仕様書の件", received.Subject);
        Assert.Equal([next.Email], received.To.Mailboxes.Select(m => m.Address));
        Assert.Null(received.InReplyTo);
        Assert.Empty(received.References);
        Assert.Contains("仕様書を添付いたします。", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyAll_FromTimelineOfAppMail_KeepsColleagueAndPlainAddressInCc()
    {
        var rep = await app.AddConnectedRepAsync("返信 全員");
        var colleague = await app.AddUserAsync(UserRole.Rep, "同僚 花子");
        var customer = await app.AddCustomerAsync("先方");
        var partner = PlainAddress("outside");
        await SendAsync(rep, new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
            Cc = [ComposeRecipient.Colleague(colleague.Id, colleague.Email, colleague.DisplayName), ComposeRecipient.Address(partner), ComposeRecipient.Address(rep.Email)],
            Subject = "見積の再送",
            Body = "再送いたします。",
        });
        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");

        await page.GetByTestId("timeline-mail").Filter(new() { HasText = "見積の再送" }).GetByTestId("timeline-reply-all").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?replyAllSent=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);
        var ccChips = page.GetByTestId("recipients-cc").GetByTestId("recipient-chip");
        await Assertions.Expect(ccChips).ToHaveCountAsync(2);
        await Assertions.Expect(ccChips.Filter(new() { HasText = colleague.Email })).ToHaveAttributeAsync("data-party", "colleague");
        await Assertions.Expect(ccChips.Filter(new() { HasText = partner })).ToHaveAttributeAsync("data-party", "address");
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 見積の再送");
    }

    [Fact]
    public async Task Rep_AddsColleagueToCcAndPlainAddressToBcc_BothReceiveIt_NoCustomerMade()
    {
        var rep = await app.AddConnectedRepAsync("社内 同報");
        var colleague = await app.AddUserAsync(UserRole.Rep, "同僚 次郎");
        var customer = await app.AddCustomerAsync("宛先" + Guid.NewGuid().ToString("N")[..4]);
        var hidden = PlainAddress("hidden");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("toggle-cc-bcc").ClickAsync();
        await page.GetByTestId("recipient-input-cc").FillAsync(colleague.Email[..14]);
        var option = page.Locator(".recipient-colleague").Filter(new() { HasText = colleague.Email });
        await Assertions.Expect(option.GetByTestId("colleague-mark")).ToHaveTextAsync("社内");
        await option.ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipients-cc").GetByTestId("recipient-chip")).ToHaveAttributeAsync("data-party", "colleague");
        await page.GetByTestId("recipient-input-bcc").FillAsync(hidden);
        await page.GetByTestId("add-plain-address").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipients-bcc").GetByTestId("recipient-chip")).ToHaveAttributeAsync("data-party", "address");
        await page.GetByTestId("compose-subject").FillAsync("社内共有のご連絡");
        await page.GetByTestId("compose-body").FillAsync("ご確認ください。");
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);

        var sent = (await ComposeScenario.MailsOfAsync(app, rep))[0];
        var toColleague = Assert.Single(await MailboxReader.WaitForAsync(colleague.Email, sent.MessageId));
        Assert.Equal([colleague.Email], toColleague.Cc.Mailboxes.Select(m => m.Address));
        var toHidden = Assert.Single(await MailboxReader.WaitForAsync(hidden, sent.MessageId));
        Assert.Empty(toHidden.Bcc);
        Assert.DoesNotContain(hidden, toHidden.To.Mailboxes.Concat(toHidden.Cc.Mailboxes).Select(m => m.Address));
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        Assert.Empty(await CustomersWithAsync(rep, colleague.Email));
        Assert.Empty(await CustomersWithAsync(rep, hidden));
    }

    [Fact]
    public async Task ReplyAllAndForward_AnotherRepsMail_NotFound()
    {
        var owner = await app.AddConnectedRepAsync("持ち主 全員");
        var customer = await app.AddCustomerAsync("秘密");
        await TestMailboxes.AppendAsync(owner.Email, TestMailboxes.HtmlMessage(customer.Email, owner.Email, "他人の受信", "<p>本文</p>"), "INBOX");
        await app.SyncUntilImportedAsync(owner.AsActor(), MailDirection.Received, 1);
        var imported = (await app.Get<ListImportedMailQuery>().ListAsync(owner.AsActor(), owner.Id, MailDirection.Received, null, null, 10, CancellationToken.None))[0];
        var sent = await SendAsync(owner, new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "他人の送信", Body = "本文",
        });
        var intruder = await app.AddUserAsync(UserRole.Rep, "他人 全員");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, intruder.Email);

        foreach (var query in new[] { $"replyAll={imported.Id}", $"forward={imported.Id}", $"replyAllSent={sent.Id}", $"forwardSent={sent.Id}" })
        {
            var response = await page.GotoAsync($"/mail/compose?{query}");
            Assert.True(response!.Status < 500, $"{query}: HTTP {response.Status}");
            await AppFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("compose-not-found")).ToContainTextAsync("見つかりません");
            await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveCountAsync(0);
        }
    }

    private static string PlainAddress(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@partner.test";

    private async Task<Digima.Core.Sending.OutgoingMail> SendAsync(User rep, ComposeInput input)
    {
        var outcome = await app.Get<SendMailCommand>().SendNowAsync(rep.AsActor(), input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return (await app.Get<Digima.Core.Sending.IOutgoingMailRepository>().GetAsync(outcome.Value, CancellationToken.None))!;
    }

    private async Task<IReadOnlyList<Customer>> CustomersWithAsync(User rep, string email) =>
        (await app.Get<SearchCustomersQuery>().SearchAsync(rep.AsActor(), new CustomerSearch(email, 0, 5), CancellationToken.None)).Items;
}
