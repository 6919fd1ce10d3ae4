using Digima.Core.Awaiting.Notices;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Notifications;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Digima.Tests.Infrastructure.Awaiting;

/// <summary>The bell notice when a customer replies (issue 17): the reply delivered through
/// Postfix into the rep's Dovecot Inbox and imported by the real sync.</summary>
public sealed class CustomerReplyNoticeTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("reply-notice");
        // Mail delivered now is dated by the real clock: the test's clock starts there.
        _s.Services.Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private DateTimeOffset Now => _s.Services.Clock.GetUtcNow();

    [Fact]
    public async Task Sync_ReplyThroughPostfix_OneNoticeNamingCustomerAndSubject_NotAgainOnResync()
    {
        var customer = await _s.AddCustomerAsync("返信");
        await _s.SyncAsync();

        await DeliverAsync(customer, "お見積もりの件");
        Assert.Equal(1, (await _s.SyncAsync()).Imported);

        var notice = Assert.Single(await RepliesAsync());
        Assert.Equal((customer.Id, "返信", "お見積もりの件"), (notice.CustomerId, notice.Party, notice.Subject));
        Assert.Equal(await _s.ScalarAsync<long>("SELECT id FROM imported_mails WHERE user_id = @Id", new { _s.Rep.Id }), notice.ImportedMailId);
        Assert.Null(notice.ReadAt);

        // A re-sync, and the same notice asked for again (as a second node would): still one.
        await _s.SyncAsync();
        await _s.Services.Get<NotifyCustomerRepliesCommand>().NotifyAsync(_s.Rep.Id, Now.AddMinutes(-1), false, anyStored: true, CancellationToken.None);
        Assert.Single(await RepliesAsync());
    }

    [Fact]
    public async Task Sync_FirstImportOfTheMailbox_NoNoticeEvenForRecentMail()
    {
        var recent = await _s.AddCustomerAsync("初回");
        await _s.AppendAsync("INBOX", RawMail.Create(recent.Email, _s.Rep.Email, "before connecting", date: Now.AddHours(-1)).Text("UTF-8", "本文"));

        Assert.Equal(1, (await _s.SyncAsync()).Imported);

        Assert.Empty(await RepliesAsync());
    }

    [Fact]
    public async Task Sync_OldMailBackfilledLater_NoNotice()
    {
        var customer = await _s.AddCustomerAsync("古い");
        await _s.SyncAsync();
        // Mail received days ago, moved into the Inbox now (or read again after UIDVALIDITY changed):
        // the server keeps when it arrived.
        await _s.AppendAsync("INBOX", Now.AddDays(-3), RawMail.Create(customer.Email, _s.Rep.Email, "last week", date: Now.AddDays(-3)).Text("UTF-8", "本文"));

        Assert.Equal(1, (await _s.SyncAsync()).Imported);

        Assert.Empty(await RepliesAsync());
    }

    [Fact]
    public async Task Sync_ReplyDatedDaysBehindThatArrivedNow_Noticed()
    {
        var customer = await _s.AddCustomerAsync("時計");
        await _s.SyncAsync();

        // The customer's clock (or a relay that held it) dates the reply three days back.
        await DeliverAsync(customer, "遅れて届いた返信", Now.AddDays(-3));
        Assert.Equal(1, (await _s.SyncAsync()).Imported);

        Assert.Equal("遅れて届いた返信", Assert.Single(await RepliesAsync()).Subject);
    }

    [Fact]
    public async Task Sync_CutInTheMiddleOfTheInbox_RepliesItStoredAreToldAtOnce()
    {
        var first = await _s.AddCustomerAsync("途中一");
        var second = await _s.AddCustomerAsync("途中二");
        await _s.SyncAsync();
        await DeliverAsync(first, "一通目の返信");
        await DeliverAsync(second, "二通目の返信");

        // A batch is stored, then the connection breaks at the next body fetch: what was stored is
        // told by the failed sync itself (the next sync will not store it again), the rest by the next.
        await using (var import = new RelayedImport(_s, batchSize: 1))
        {
            var bodyFetches = 0;
            import.Relay.CutBefore(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal) && ++bodyFetches == 2);
            Assert.Equal(MailboxSyncOutcome.Failed, (await import.SyncAsync()).Outcome);
        }

        var stored = await _s.ScalarAsync<long>("SELECT count(*) FROM imported_mails WHERE user_id = @Id", new { _s.Rep.Id });
        Assert.Equal(1, stored);
        Assert.Single(await RepliesAsync());
        Assert.Equal(1, (await _s.SyncAsync()).Imported);
        Assert.Equal(2, (await RepliesAsync()).Count);
    }

    [Fact]
    public async Task Sync_SwitchOff_NoNotice()
    {
        var customer = await _s.AddCustomerAsync("通知オフ");
        await _s.SyncAsync();
        await _s.Services.Get<SaveNotificationSettingsCommand>().SaveAsync(_s.Rep, new NotificationSettings(false, NotifyOnReply: false), CancellationToken.None);

        await DeliverAsync(customer, "ご連絡");
        Assert.Equal(1, (await _s.SyncAsync()).Imported);

        Assert.Empty(await RepliesAsync());
    }

    [Fact]
    public async Task Sync_CustomerMailAlreadyAnsweredInTheSameSync_NoNotice()
    {
        var customer = await _s.AddCustomerAsync("回答済");
        await _s.SyncAsync();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "question", date: Now.AddHours(-2)).Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "Re: question", date: Now.AddHours(-1)).Text("UTF-8", "回答"));

        Assert.Equal(2, (await _s.SyncAsync()).Imported);

        Assert.Empty(await RepliesAsync());
    }

    /// <summary>The customer sends through the local Postfix, which delivers into the rep's Inbox.</summary>
    private async Task DeliverAsync(Customer customer, string subject, DateTimeOffset? dated = null)
    {
        var message = TestMailboxes.HtmlMessage(customer.Email, _s.Rep.Email, subject, "<p>よろしくお願いします。</p>");
        if (dated is { } date)
        {
            message.Date = date;
        }

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        Assert.NotEmpty(await MailboxReader.WaitForAsync(_s.Rep.Email, message.MessageId!));
    }

    private async Task<IReadOnlyList<Notification>> RepliesAsync() =>
        (await _s.Services.Get<ListNotificationsQuery>().ListAsync(_s.Rep, CancellationToken.None)).Items
            .Where(n => n.Kind == NotificationKind.CustomerReplied).ToList();
}
