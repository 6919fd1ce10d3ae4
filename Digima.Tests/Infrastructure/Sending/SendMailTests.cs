using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Notifications;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Sending;

/// <summary>Compose to delivery through the real local Postfix and Dovecot.</summary>
public sealed class SendMailTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("send");
        _rep = await _services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SendNow_ToCcBcc_DeliveredWithJapaneseSubjectMergedAndOneSentCopy()
    {
        var to = await _services.AddCustomerAsync("山田", company: "株式会社やまだ");
        var cc = await _services.AddCustomerAsync("川口");
        var bcc = await _services.AddCustomerAsync("森本");
        var input = Input("【ご案内】{{会社名}} {{姓}}様へのお見積り", "{{姓}} 様\nいつもお世話になっております。{{送信者名}}です。", to);
        input.Cc.Add(Recipient(cc));
        input.Bcc.Add(Recipient(bcc));

        var mail = await _services.SendNowAndDeliverAsync(_rep, input);

        var received = Assert.Single(await MailboxReader.WaitForAsync(to.Email, mail.MessageId));
        Assert.Equal("【ご案内】株式会社やまだ 山田様へのお見積り", received.Subject);
        Assert.StartsWith($"山田 様\nいつもお世話になっております。{_rep.DisplayName}です。", received.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(mail.MessageId, received.MessageId);
        Assert.Equal([cc.Email], received.Cc.Mailboxes.Select(m => m.Address));
        Assert.Empty(received.Bcc);
        Assert.False(received.Headers.Contains("Bcc"));
        Assert.Single(await MailboxReader.WaitForAsync(cc.Email, mail.MessageId));
        Assert.Single(await MailboxReader.WaitForAsync(bcc.Email, mail.MessageId));
        Assert.Single(await MailboxReader.FindAsync(_rep.Email, mail.MessageId, "Sent"));
        Assert.Equal(MailStatus.Sent, (await Outbox.GetAsync(mail.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SendNow_SentMinutesAfterItWasWritten_DatedTheMomentItIsHandedOver()
    {
        var customer = await _services.AddCustomerAsync("日付");
        var outcome = await _services.Get<SendMailCommand>().SendNowAsync(_rep, Input("今すぐ", "本文です。よろしくお願いいたします。", customer), CancellationToken.None);
        // The outbox took it later (the server was busy, the node restarted).
        _services.Clock.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(5.4));
        var handedOver = _services.Clock.GetUtcNow().AddTicks(-(_services.Clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerSecond));

        await _services.DeliverQueuedAsync();

        var mail = (await Outbox.GetAsync(outcome.Value, CancellationToken.None))!;
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        Assert.Equal(handedOver, received.Date);
        Assert.NotEqual(mail.CreatedAt, received.Date);
        Assert.Equal(handedOver, Assert.Single(await MailboxReader.WaitForAsync(_rep.Email, mail.MessageId, "Sent")).Date);
        Assert.Equal(handedOver, mail.SentAt);
    }

    [Fact]
    public async Task SendNow_SetsFirstAndLatestContact_FirstKeptOnLaterSend()
    {
        var customer = await _services.AddCustomerAsync("接触");
        await _services.SendNowAndDeliverAsync(_rep, Input("一通目", "本文です。よろしくお願いいたします。", customer));
        var first = await _services.Get<ICustomerRepository>().GetAsync(customer.Id, CancellationToken.None);
        _services.Clock.Advance(TimeSpan.FromHours(3));

        await _services.SendNowAndDeliverAsync(_rep, Input("二通目", "本文です。よろしくお願いいたします。", customer));

        var after = await _services.Get<ICustomerRepository>().GetAsync(customer.Id, CancellationToken.None);
        Assert.NotNull(first!.FirstContactAt);
        Assert.Equal(first.FirstContactAt, after!.FirstContactAt);
        Assert.Equal(first.FirstContactAt!.Value + TimeSpan.FromHours(3), after.LastContactAt);
    }

    [Fact]
    public async Task SendNow_MergeFieldEmptyForPrimaryRecipient_BlocksAndNamesFieldAndCustomer()
    {
        var customer = await _services.AddCustomerAsync("空欄");

        var outcome = await _services.Get<SendMailCommand>().SendNowAsync(_rep, Input("ご提案", "{{会社名}} {{姓}}様", customer), CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("差し込み項目「会社名」が顧客「空欄」で未入力のため送信できません。顧客情報を入力してから送信してください。", error.ErrorMessage);
        Assert.Equal(customer.Id, error.CustomState);
        Assert.Equal(0, await CountMailsAsync());
    }

    [Fact]
    public async Task Send_SmtpServerDown_RetriedAsScheduledMailIsThenFailedWithReasonAndRetryable()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep, $"down.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, rep, smtpPort: 1);
        var customer = await _services.AddCustomerAsync("不達");
        var id = (await _services.Get<SendMailCommand>().SendNowAsync(rep, Input("件名", "本文です。よろしくお願いいたします。", customer), CancellationToken.None)).Value;

        await _services.DeliverQueuedAsync();

        var waiting = (await Outbox.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((MailStatus.Queued, 1, _services.Clock.GetUtcNow() + TimeSpan.FromMinutes(1)), (waiting.Status, waiting.RetryCount, waiting.SendAfter));
        Assert.Contains("127.0.0.1:1", waiting.Error, StringComparison.Ordinal);
        // Not tried again before its time.
        Assert.Null(await Outbox.ClaimNextQueuedAsync(_services.Clock.GetUtcNow(), CancellationToken.None));

        var waits = new List<TimeSpan> { TimeSpan.FromMinutes(1) };
        while ((await Outbox.GetAsync(id, CancellationToken.None))! is { Status: MailStatus.Queued, SendAfter: { } next })
        {
            _services.Clock.Advance(next - _services.Clock.GetUtcNow());
            await _services.DeliverQueuedAsync();
            if ((await Outbox.GetAsync(id, CancellationToken.None))!.SendAfter is { } after && after > next)
            {
                waits.Add(after - _services.Clock.GetUtcNow());
            }
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)], waits);
        var failed = await Outbox.GetAsync(id, CancellationToken.None);
        Assert.Equal(MailStatus.Failed, failed!.Status);
        Assert.Contains("127.0.0.1:1", failed.Error, StringComparison.Ordinal);
        Assert.True(await _services.Get<RetryMailCommand>().RetryAsync(rep, id, CancellationToken.None));
        Assert.False(await _services.Get<RetryMailCommand>().RetryAsync(_rep, id, CancellationToken.None));
        var again = (await Outbox.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((MailStatus.Queued, 0, (DateTimeOffset?)null), (again.Status, again.RetryCount, again.SendAfter));
    }

    [Fact]
    public async Task Send_RecipientRefusedByServer_FailedNamingTheAddressAndReply()
    {
        var refused = await _services.AddCustomerAsync("拒否", email: $"x.{Guid.NewGuid():N}"[..14] + "@refused.test");
        var id = (await _services.Get<SendMailCommand>().SendNowAsync(_rep, Input("件名", "本文です。よろしくお願いいたします。", refused), CancellationToken.None)).Value;

        await _services.DeliverQueuedAsync();

        var failed = await Outbox.GetAsync(id, CancellationToken.None);
        Assert.Equal(MailStatus.Failed, failed!.Status);
        Assert.Contains(refused.Email, failed.Error, StringComparison.Ordinal);
        Assert.Contains("550", failed.Error, StringComparison.Ordinal);
        // 「今すぐ送信」's tab may be closed by now: the rep is told under the bell, once.
        var told = Assert.Single((await _services.Get<INotificationRepository>().ListAsync(_rep.Id, 10, CancellationToken.None)).Items);
        Assert.Equal((NotificationKind.Failed, id, refused.Id, "件名"), (told.Kind, told.MailId, told.CustomerId, told.Subject));
    }

    [Fact]
    public async Task Send_WrongPassword_FailedSayingSo()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep, $"pw.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, rep, password: "not-the-password");
        var customer = await _services.AddCustomerAsync("認証");
        var id = (await _services.Get<SendMailCommand>().SendNowAsync(rep, Input("件名", "本文です。よろしくお願いいたします。", customer), CancellationToken.None)).Value;

        await _services.DeliverQueuedAsync();

        var failed = await Outbox.GetAsync(id, CancellationToken.None);
        Assert.Equal(MailStatus.Failed, failed!.Status);
        Assert.Contains("ログインできません", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recover_CrashAfterSmtpBeforeMarkingSent_NotSentTwice()
    {
        var customer = await _services.AddCustomerAsync("障害");
        var mail = await _services.SendNowAndDeliverAsync(_rep, Input("クラッシュ試験", "本文です。よろしくお願いいたします。", customer));
        // The node died after the copy reached Sent but before the row said so.
        await ExecuteAsync("UPDATE outgoing_mails SET status = 'sending', smtp_accepted_at = NULL, claimed_at = @claimed WHERE id = @id", new { id = mail.Id, claimed = AnHourAgo });

        var recovered = await _services.Get<RecoverStuckMailCommand>().RecoverAsync(CancellationToken.None);
        await _services.DeliverQueuedAsync();

        Assert.Equal(1, recovered);
        Assert.Equal(MailStatus.Sent, (await Outbox.GetAsync(mail.Id, CancellationToken.None))!.Status);
        await Task.Delay(1000);
        Assert.Single(await MailboxReader.FindAsync(customer.Email, mail.MessageId));
    }

    [Fact]
    public async Task Recover_CrashBeforeSmtp_RequeuedAndSentOnce()
    {
        var customer = await _services.AddCustomerAsync("再送");
        var id = (await _services.Get<SendMailCommand>().SendNowAsync(_rep, Input("再送試験", "本文です。よろしくお願いいたします。", customer), CancellationToken.None)).Value;
        await ExecuteAsync("UPDATE outgoing_mails SET status = 'sending', claimed_at = @claimed WHERE id = @id", new { id, claimed = AnHourAgo });

        await _services.Get<RecoverStuckMailCommand>().RecoverAsync(CancellationToken.None);
        await _services.DeliverQueuedAsync();

        var mail = await Outbox.GetAsync(id, CancellationToken.None);
        Assert.Equal(MailStatus.Sent, mail!.Status);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
    }

    private DateTimeOffset AnHourAgo => _services.Clock.GetUtcNow() - TimeSpan.FromHours(1);

    private IOutgoingMailRepository Outbox => _services.Get<IOutgoingMailRepository>();

    private static ComposeRecipient Recipient(Customer c) => new(c.Id, c.Email, c.FullName);

    private static ComposeInput Input(string subject, string body, Customer to) => new()
    {
        To = [Recipient(to)],
        Subject = subject,
        Body = body,
    };

    private async Task<long> CountMailsAsync()
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outgoing_mails");
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, args);
    }
}
