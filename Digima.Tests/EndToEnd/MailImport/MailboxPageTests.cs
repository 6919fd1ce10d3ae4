using Dapper;
using Digima.Core.MailImport;
using Digima.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.MailImport;

[Collection(AppCollection.Name)]
public sealed class MailboxPageTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_SeesTabs_PreviewsWithImagesBlocked_DeletesMail()
    {
        var rep = await app.AddConnectedRepAsync("受信 確認");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("榊原");
        var received = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "お見積りのお礼", "<p>見積書を拝見しました。</p><img src=\"https://images.example.test/logo.png\"><script>alert(1)</script>");
        var sent = TestMailboxes.HtmlMessage(rep.Email, customer.Email, "Re: お見積りのお礼", "<p>ご確認ありがとうございます。</p>");
        sent.InReplyTo = received.MessageId;
        // A Date header has whole seconds: the reply must not seem as old as the mail it answers.
        sent.Date = received.Date.AddSeconds(2);
        await TestMailboxes.AppendAsync(rep.Email, received, "INBOX");
        await TestMailboxes.AppendAsync(rep.Email, sent, "Sent");
        await app.SyncUntilImportedAsync(actor, MailDirection.Received, 1);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");

        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "受信済み" })).ToBeVisibleAsync();
        var receivedList = page.GetByTestId("mail-list-received");
        await Assertions.Expect(receivedList.GetByTestId("mail-row")).ToHaveCountAsync(1);
        await Assertions.Expect(receivedList.GetByTestId("mail-customer")).ToHaveTextAsync("榊原");
        await AppFixture.ScreenshotAsync(page, "mailbox-received");
        await receivedList.GetByText("お見積りのお礼").ClickAsync();
        var preview = page.GetByTestId("mail-preview");
        await Assertions.Expect(preview.GetByTestId("thread-mail")).ToHaveCountAsync(2);
        await Assertions.Expect(preview.GetByTestId("thread-mail").First).ToContainTextAsync("Re: お見積りのお礼");
        await Assertions.Expect(preview.GetByTestId("images-blocked")).ToBeVisibleAsync();
        var frame = preview.GetByTestId("mail-frame").Last;
        Assert.DoesNotContain("<script", await frame.GetAttributeAsync("srcdoc") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?<!data-)src=""https://images\.example\.test", await frame.GetAttributeAsync("srcdoc") ?? "");
        await AppFixture.ScreenshotAsync(page, "mailbox-preview");
        await preview.GetByTestId("show-images").ClickAsync();
        await Assertions.Expect(preview.GetByTestId("images-blocked")).ToHaveCountAsync(0);
        Assert.Contains("src=\"https://images.example.test/logo.png\"", await frame.GetAttributeAsync("srcdoc") ?? "", StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("preview-template")).ToHaveTextAsync("テンプレート");
        await page.GetByTestId("preview-template").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-dialog").GetByTestId("template-subject")).ToHaveValueAsync("お見積りのお礼");
        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-dialog")).ToHaveCountAsync(0);
        await page.GetByTestId("preview-close").ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "送信" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-list-sent").GetByTestId("mail-row")).ToContainTextAsync("Re: お見積りのお礼");
        await AppFixture.ScreenshotAsync(page, "mailbox-sent");
        await page.GetByRole(AriaRole.Tab, new() { Name = "受信済み" }).ClickAsync();
        await receivedList.GetByTestId("mail-delete").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "はい、削除します" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-empty-received")).ToBeVisibleAsync();

        await app.Get<SyncMailboxCommand>().SyncAsync(rep.Id, CancellationToken.None);
        var again = await app.Get<ListImportedMailQuery>().ListAsync(actor, rep.Id, MailDirection.Received, null, null, 10, CancellationToken.None);
        Assert.Empty(again);
    }

    [Fact]
    public async Task Preview_ShowsTheTimelinesThread_MailSentFromTheAppToo_ChangedSubjectStartsItsOwn()
    {
        var rep = await app.AddConnectedRepAsync("プレビュー 担当");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("宮下");
        var input = new Digima.Core.Compose.ComposeInput { Subject = "お打ち合わせの件", Body = "宮下 様\nお打ち合わせの日程をご相談させてください。" };
        input.To.Add(new Digima.Core.Compose.ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        var id = (await app.Get<Digima.Core.Compose.SendMailCommand>().SendNowAsync(actor, input, CancellationToken.None)).Value;
        var sentFromApp = (await app.Get<Digima.Core.Sending.IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
        await MailboxReader.WaitForAsync(customer.Email, sentFromApp.MessageId);
        var answer = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "Re: お打ち合わせの件", "<p>来週火曜はいかがでしょうか。</p>");
        var otherTopic = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "請求書の送付先について", "<p>別件ですが、請求書の送付先が変わりました。</p>");
        foreach (var (reply, seconds) in new[] { (answer, 2), (otherTopic, 4) })
        {
            reply.InReplyTo = sentFromApp.MessageId;
            reply.References.Add(sentFromApp.MessageId);
            reply.Date = DateTimeOffset.Now.AddSeconds(seconds);
            await TestMailboxes.AppendAsync(rep.Email, reply, "INBOX");
        }

        await app.SyncUntilImportedAsync(actor, MailDirection.Received, 2);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");

        await page.GetByTestId("mail-list-received").GetByText("Re: お打ち合わせの件").ClickAsync();
        var thread = page.GetByTestId("mail-preview").GetByTestId("thread-mail");
        await Assertions.Expect(thread).ToHaveCountAsync(2);
        await Assertions.Expect(thread.First.GetByTestId("thread-mail-subject")).ToHaveTextAsync("Re: お打ち合わせの件");
        await Assertions.Expect(thread.Last.GetByTestId("thread-mail-subject")).ToHaveTextAsync("お打ち合わせの件");
        await Assertions.Expect(thread.Last).ToContainTextAsync($"差出人: {rep.DisplayName} <{rep.Email}>");
        await page.GetByTestId("preview-close").ClickAsync();

        // A reply whose subject changed is its own exchange (R17), as on the timeline.
        await page.GetByTestId("mail-list-received").GetByText("請求書の送付先について").ClickAsync();
        await Assertions.Expect(thread).ToHaveCountAsync(1);
        await Assertions.Expect(thread.First.GetByTestId("thread-mail-subject")).ToHaveTextAsync("請求書の送付先について");
    }

    [Fact]
    public async Task Rep_RepliesFromPreview_CustomerGetsThreadedReply_AndDuplicates()
    {
        var rep = await app.AddConnectedRepAsync("返信 担当");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("真壁");
        var question = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "Re: Re: 納期のご相談", "<p>納期を一週間早められますか。</p>");
        await TestMailboxes.AppendAsync(rep.Email, question, "INBOX");
        await app.SyncUntilImportedAsync(actor, MailDirection.Received, 1);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");

        await page.GetByTestId("mail-list-received").GetByText("納期のご相談").ClickAsync();
        await page.GetByTestId("preview-reply").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?reply=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 納期のご相談");
        await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("さんは書きました：\n> テキスト版"));
        await page.GetByTestId("send-now").ClickAsync();
        await page.GetByTestId("confirm-send").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);

        var sent = (await app.Get<Digima.Core.Sending.IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 1, CancellationToken.None)).Items.Single();
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        Assert.Equal("Re: 納期のご相談", received.Subject);
        Assert.Equal(question.MessageId, received.InReplyTo);
        Assert.Contains(question.MessageId, received.References);

        await page.GetByTestId("mail-duplicate").First.ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?duplicateSent=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 納期のご相談");
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);
    }

    [Fact]
    public async Task CustomerReplies_MailAppearsOnOpenMailboxAndProfileWithoutReload()
    {
        var rep = await app.AddConnectedRepAsync("即時 反映");
        var customer = await app.AddCustomerAsync("柏木");
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");
        await Assertions.Expect(page.GetByTestId("mail-empty-received")).ToBeVisibleAsync();
        var profile = await page.Context.NewPageAsync();
        await profile.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(profile);
        await Task.Delay(3000); // the IDLE listener picks up the newly connected mailbox

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(TestMailboxes.HtmlMessage(customer.Email, rep.Email, "資料送付のお願い", "<p>資料をお送りいただけますか。</p>"));
            await smtp.DisconnectAsync(true);
        }

        await Assertions.Expect(page.GetByTestId("mail-list-received").GetByTestId("mail-row")).ToContainTextAsync("資料送付のお願い", new() { Timeout = 20_000 });
        await Assertions.Expect(profile.GetByTestId("timeline-mail").Filter(new() { HasText = "資料送付のお願い" })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(profile.GetByTestId("profile-last-action-type")).ToContainTextAsync("メール受信");
        await Assertions.Expect(profile.GetByTestId("profile-last-action-at")).Not.ToContainTextAsync("—");
    }

    [Fact]
    public async Task Sync_ByAnyTrigger_MailboxPageShowsNewLastSyncWithoutReload()
    {
        var rep = await app.AddConnectedRepAsync("同期 表示");
        await SyncedAsync(rep.Id);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(rep.TimeZoneId);
        var earlier = DateTimeOffset.UtcNow.AddDays(-2);
        var shown = TimeZoneInfo.ConvertTime(earlier, zone).ToString("yyyy/MM/dd HH:mm");
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        // The IDLE listener's first sync of the new mailbox may land after ours: the page starts
        // from an old 「最終同期」 once nothing overwrites it before the page has read it.
        for (var attempt = 0; ; attempt++)
        {
            await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
            {
                Assert.Equal(1, await connection.ExecuteAsync("UPDATE mail_import_status SET last_success_at = @earlier WHERE user_id = @Id", new { earlier, rep.Id }));
            }

            await page.GotoAsync("/mail/mailbox");
            await AppFixture.WaitInteractiveAsync(page);
            if ((await page.GetByTestId("sync-status").InnerTextAsync()).Contains(shown, StringComparison.Ordinal) || attempt == 10)
            {
                break;
            }
        }

        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync(shown);

        // The periodic job, the IDLE listener and 「今すぐ同期」 all run this command.
        await SyncedAsync(rep.Id);

        await Assertions.Expect(page.GetByTestId("sync-status")).Not.ToContainTextAsync(shown, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("最終同期");
    }

    /// <summary>Runs a sync to its end; another one holding the mailbox (the IDLE listener) is waited out.</summary>
    private async Task SyncedAsync(long userId)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            if ((await app.Get<SyncMailboxCommand>().SyncAsync(userId, CancellationToken.None)).Outcome == MailboxSyncOutcome.Synced)
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("The mailbox did not sync.");
    }
}
