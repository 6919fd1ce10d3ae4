using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Sending;
using Digima.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Timeline;

[Collection(AppCollection.Name)]
public sealed class TimelineFlowTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_ExpandsMail_ShowsThread_Replies_CustomerReplyJoinsThread()
    {
        var rep = await app.AddConnectedRepAsync("時系列 担当");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("導入", "花子");
        var question = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "導入のご相談", "<p>御社サービスの導入を検討しています。</p><p>二段落目の詳しいご相談です。</p>");
        await TestMailboxes.AppendAsync(rep.Email, question, "INBOX");
        await app.SyncUntilOnTimelineAsync(actor, customer.Id, 1);
        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");

        var first = page.GetByTestId("timeline-mail");
        await Assertions.Expect(first).ToHaveCountAsync(1);
        await Assertions.Expect(first.GetByTestId("timeline-direction")).ToHaveTextAsync("受信");
        await Assertions.Expect(first.GetByTestId("timeline-more")).ToHaveTextAsync("更に表示");
        await first.GetByTestId("timeline-more").ClickAsync();
        var frame = first.GetByTestId("timeline-full").GetByTestId("mail-frame");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        Assert.Contains("二段落目の詳しいご相談です。", await frame.GetAttributeAsync("srcdoc") ?? "", StringComparison.Ordinal);
        await Assertions.Expect(first.GetByTestId("timeline-thread")).ToHaveTextAsync("スレッドを表示");
        await first.GetByTestId("timeline-thread").ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread-dialog").GetByTestId("thread-item")).ToHaveCountAsync(1);
        await page.GetByTestId("thread-close").ClickAsync();

        await first.GetByTestId("timeline-reply").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?reply=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 導入のご相談");
        var quoted = await page.GetByTestId("compose-body").InputValueAsync();
        await page.GetByTestId("compose-body").FillAsync("ご相談ありがとうございます。資料をお送りしますので、ご検討ください。" + quoted);
        await page.GetByTestId("send-now").ClickAsync();
        await page.GetByTestId("confirm-send").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        var sent = (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 1, CancellationToken.None)).Items.Single();
        var delivered = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        Assert.Equal(question.MessageId, delivered.InReplyTo);
        Assert.Contains(question.MessageId, delivered.References);

        // The customer answers from their own mail client, through Postfix.
        var answer = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "Re: 導入のご相談", "<p>ご返信ありがとうございます。来週お打ち合わせできますか。</p>");
        answer.InReplyTo = delivered.MessageId;
        // A Date header has whole seconds: the answer must not seem older than the mail it answers.
        answer.Date = DateTimeOffset.Now.AddSeconds(2);
        foreach (var reference in delivered.References.Append(sent.MessageId))
        {
            answer.References.Add(reference);
        }

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(answer);
            await smtp.DisconnectAsync(true);
        }

        await MailboxReader.WaitForAsync(rep.Email, answer.MessageId!);
        await app.SyncUntilOnTimelineAsync(actor, customer.Id, 3);
        await page.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        var mails = page.GetByTestId("timeline-mail");
        await Assertions.Expect(mails).ToHaveCountAsync(3);
        await Assertions.Expect(mails.First.GetByTestId("timeline-subject")).ToHaveTextAsync("Re: 導入のご相談");
        await mails.First.GetByTestId("timeline-thread").ClickAsync();
        var thread = page.GetByTestId("thread-dialog").GetByTestId("thread-item");
        await Assertions.Expect(thread).ToHaveCountAsync(3);
        await Assertions.Expect(thread.First).ToContainTextAsync($"差出人: {customer.Email}");
        await thread.First.GetByTestId("thread-more").ClickAsync();
        var answerFrame = thread.First.GetByTestId("thread-full").GetByTestId("mail-frame");
        await Assertions.Expect(answerFrame).ToBeVisibleAsync();
        Assert.Contains("来週お打ち合わせできますか", await answerFrame.GetAttributeAsync("srcdoc") ?? "", StringComparison.Ordinal);
        await Assertions.Expect(thread.Last.GetByTestId("thread-subject")).ToHaveTextAsync("導入のご相談");
        await thread.Nth(1).GetByTestId("thread-more").ClickAsync();
        await Assertions.Expect(thread.Nth(1).GetByTestId("thread-full")).ToContainTextAsync("さんは書きました");
        await AppFixture.ScreenshotAsync(page, "timeline-thread");
    }

    [Fact]
    public async Task ScheduledLongBefore_SentAboveTheMailReceivedMeanwhile_DatedWhenSent_InItsThreadWithTheReply()
    {
        var rep = await app.AddConnectedRepAsync("予約 時刻");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("送信時刻", "花子");
        var question = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "途中のご質問", "<p>途中で届いたご質問です。</p>");
        question.Date = DateTimeOffset.Now.AddHours(-1);
        await TestMailboxes.AppendAsync(rep.Email, question, "INBOX");
        await app.SyncUntilOnTimelineAsync(actor, customer.Id, 1);
        // Another customer gets a mail at once, written after the scheduled one below.
        var other = await app.AddCustomerAsync("即時送信", "花子");
        var now = new Digima.Core.Compose.ComposeInput { Subject = "すぐに送ったご案内", Body = "本文です。よろしくお願いいたします。" };
        now.To.Add(new Digima.Core.Compose.ComposeRecipient(other.Id, other.Email, other.FullName));
        var nowId = (await app.Get<Digima.Core.Compose.SendMailCommand>().SendNowAsync(actor, now, CancellationToken.None)).Value;
        var nowSent = (await app.Get<IOutgoingMailRepository>().GetAsync(nowId, CancellationToken.None))!;
        await MailboxReader.WaitForAsync(other.Email, nowSent.MessageId);
        // Written two hours ago (before the question arrived), due now: the app sends it.
        var input = new Digima.Core.Compose.ComposeInput { Subject = "{{姓}}様 ご提案", Body = "{{姓}} 様\nご提案をお送りします。" };
        input.To.Add(new Digima.Core.Compose.ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        var built = await app.Get<Digima.Core.Compose.ComposedMailFactory>().BuildAsync(actor, input, CancellationToken.None);
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var scheduled = built.Value! with
        {
            Status = MailStatus.Scheduled, CreatedAt = DateTimeOffset.UtcNow.AddHours(-2), ScheduledAt = dueAt, ScheduleTimeZone = "Asia/Tokyo",
        };
        var id = await app.Get<IOutgoingMailRepository>().InsertAsync(scheduled, CancellationToken.None);
        await app.Get<Digima.Core.Scheduling.IScheduledSendTrigger>().ScheduleAsync(id, dueAt, CancellationToken.None);

        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");
        var mails = page.GetByTestId("timeline-mail");
        await Assertions.Expect(mails).ToHaveCountAsync(2);
        await Assertions.Expect(mails.First.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 30_000 });
        await Assertions.Expect(mails.First.GetByTestId("timeline-subject")).ToHaveTextAsync("送信時刻様 ご提案");
        await Assertions.Expect(mails.Nth(1).GetByTestId("timeline-subject")).ToHaveTextAsync("途中のご質問");
        await Assertions.Expect(mails.First.GetByTestId("timeline-date").Locator("span"))
            .ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \(Asia/Tokyo\)$"));

        var sent = (await app.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
        var delivered = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        Assert.InRange(delivered.Date, DateTimeOffset.UtcNow.AddSeconds(-30), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(delivered.Date >= dueAt.AddSeconds(-1), $"Dated {delivered.Date:O}, due at {dueAt:O}");

        // 個別メール: by the time its 日時 column shows, the send time: the scheduled mail on top.
        await page.GotoAsync("/mail/individual");
        await AppFixture.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("mail-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("送信時刻様 ご提案");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("すぐに送ったご案内");
        await page.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);

        // The customer answers it: the answer threads with the scheduled mail.
        var answer = TestMailboxes.HtmlMessage(customer.Email, rep.Email, "Re: 送信時刻様 ご提案", "<p>ご提案ありがとうございます。</p>");
        answer.InReplyTo = sent.MessageId;
        answer.References.Add(sent.MessageId);
        answer.Date = DateTimeOffset.Now.AddSeconds(2);
        await TestMailboxes.AppendAsync(rep.Email, answer, "INBOX");
        await app.SyncUntilOnTimelineAsync(actor, customer.Id, 3);
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(mails.First.GetByTestId("timeline-subject")).ToHaveTextAsync("Re: 送信時刻様 ご提案");
        await mails.First.GetByTestId("timeline-thread").ClickAsync();
        var thread = page.GetByTestId("thread-dialog").GetByTestId("thread-item");
        await Assertions.Expect(thread).ToHaveCountAsync(2);
        await Assertions.Expect(thread.Last.GetByTestId("thread-subject")).ToHaveTextAsync("送信時刻様 ご提案");
    }

    [Fact]
    public async Task Rep_DuplicatesFromTimeline_AnotherRepSeesTheMailButCannotContinueIt()
    {
        var rep = await app.AddConnectedRepAsync("複製 担当");
        var actor = rep.AsActor();
        var other = await app.AddUserAsync(UserRole.Rep, "別 担当");
        var customer = await app.AddCustomerAsync("複製先", "花子");
        var input = new Digima.Core.Compose.ComposeInput { Subject = "{{姓}}様 資料送付のご案内", Body = "{{姓}} 様\n資料をお送りします。" };
        input.To.Add(new Digima.Core.Compose.ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        Assert.True((await app.Get<Digima.Core.Compose.SendMailCommand>().SendNowAsync(actor, input, CancellationToken.None)).Succeeded);

        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");
        var mail = page.GetByTestId("timeline-mail");
        await Assertions.Expect(mail).ToHaveCountAsync(1);
        // Queued when the page may have loaded: the status follows without a reload.
        await Assertions.Expect(mail.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 20_000 });
        await mail.GetByTestId("timeline-duplicate").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?duplicateSent=*");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("{{姓}}様 資料送付のご案内");
        await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);

        var otherPage = await app.OpenSignedInAsync(other.Email, $"/customers/{customer.Id}");
        var seen = otherPage.GetByTestId("timeline-mail");
        await Assertions.Expect(seen).ToHaveCountAsync(1);
        await Assertions.Expect(seen.GetByTestId("timeline-subject")).ToHaveTextAsync("複製先様 資料送付のご案内");
        await Assertions.Expect(seen.GetByTestId("timeline-reply")).ToHaveCountAsync(0);
        await Assertions.Expect(seen.GetByTestId("timeline-duplicate")).ToHaveCountAsync(0);
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task LongTimeline_LoadsPagesWhileScrolling()
    {
        var rep = await app.AddConnectedRepAsync("長い 担当");
        var actor = rep.AsActor();
        var customer = await app.AddCustomerAsync("長期", "花子");
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        var mails = Enumerable.Range(0, 150).Select(i => Imported(actor, customer, i, start.AddDays(i))).ToList();
        var batch = new MailImportBatch(actor.Id, new MailImportCursor(MailFolderKind.Inbox, "INBOX", 7, 150, 0, 150, 0), 150, mails, [], DateTimeOffset.UtcNow);
        await app.Get<IImportedMailRepository>().StoreBatchAsync(batch, CancellationToken.None);

        var page = await app.OpenSignedInAsync(rep.Email, $"/customers/{customer.Id}");
        await Assertions.Expect(page.GetByTestId("timeline-subject").First).ToHaveTextAsync("ご連絡 No.149");
        Assert.InRange(await page.GetByTestId("timeline-mail").CountAsync(), 1, 60);
        await AppFixture.ScreenshotAsync(page, "timeline-long");

        // Each scroll to the end brings the next keyset page into view.
        // Generous on a loaded machine: each step waits for the rows to change before scrolling on.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && await page.GetByText("ご連絡 No.0", new() { Exact = true }).CountAsync() == 0)
        {
            var last = await page.GetByTestId("timeline-subject").Last.TextContentAsync();
            // Back up a little first, as a reader does when the end seems reached: Virtualize only
            // notices a scroll, and a jump to where the list already is would not be one.
            await page.GetByTestId("timeline-scroll").EvaluateAsync("e => e.scrollTop = Math.max(0, e.scrollTop - e.clientHeight / 2)");
            await Task.Delay(100);
            await page.GetByTestId("timeline-scroll").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
            for (var wait = 0; wait < 20 && await page.GetByTestId("timeline-subject").Last.TextContentAsync() == last; wait++)
            {
                await Task.Delay(100);
            }
        }

        await AppFixture.OrScreenshotAsync(page, "timeline-long-end", () => Assertions.Expect(page.GetByText("ご連絡 No.0", new() { Exact = true })).ToBeVisibleAsync());
        Assert.InRange(await page.GetByTestId("timeline-mail").CountAsync(), 1, 80);
    }

    private static ImportedMail Imported(CurrentUser rep, Customer customer, int i, DateTimeOffset at)
    {
        var received = i % 3 != 0;
        var id = $"long{i}.{Guid.NewGuid():N}@customer.test";
        return new ImportedMail
        {
            UserId = rep.Id,
            MessageId = id,
            Direction = received ? MailDirection.Received : MailDirection.Sent,
            FolderKind = received ? MailFolderKind.Inbox : MailFolderKind.Sent,
            UidValidity = 7,
            Uid = i + 1,
            Subject = $"ご連絡 No.{i}",
            FromAddress = received ? customer.Email : rep.Email,
            FromName = received ? customer.FullName : rep.DisplayName,
            To = [received ? new MailParty(rep.Email, rep.DisplayName) : new MailParty(customer.Email, customer.FullName)],
            MailDate = at,
            Snippet = "お世話になっております。",
            BodyText = $"{customer.FullName} 様\nお世話になっております。{i} 通目のご連絡です。\n引き続きよろしくお願いいたします。",
            ThreadKey = id,
            ImportedAt = at,
            Customers = [new MailCustomerLink(customer.Id, received ? MailCustomerRole.From : MailCustomerRole.To)],
        };
    }
}
