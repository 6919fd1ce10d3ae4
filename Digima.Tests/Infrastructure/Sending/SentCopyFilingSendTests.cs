using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Infrastructure.Scheduling;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Sending;

/// <summary>Exactly one copy in Sent whoever files it, against the real Postfix and Dovecot: senders
/// at files-sent.test go through a server that files every mail it takes in the sender's Sent folder
/// (as Gmail does; see ops/postfix/main.cf.template), senders at digima.test through one that does not.</summary>
public sealed class SentCopyFilingSendTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private ClosingTcpProxy _imap = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("sent-filing", new Dictionary<string, string?>
        {
            ["Digima:Scheduling:RateLimitPerMinute"] = "0",
            // The server's copy is found as soon as it is filed, well within this; only a mailbox
            // without one waits it out (the tests on digima.test, once each).
            ["Digima:Outbox:ServerCopyWait"] = "00:00:05",
        });
        _imap = new ClosingTcpProxy(TestEnvironment.ImapPort);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _imap.DisposeAsync();
    }

    [Fact]
    public async Task Send_ServerFilesSentMail_NoSecondCopy_RememberedAndLaterMailTouchesNoImap()
    {
        var rep = await RepAsync("files-sent.test");
        var customer = await _services.AddCustomerAsync("自動保存");

        var first = await _services.SendNowAndDeliverAsync(rep, ScheduledScenario.Input("一通目", "本文です。", customer));

        await AssertOneSentCopyAsync(rep, customer, first.Id);
        Assert.Equal(SentCopyFiling.ByServer, await FilingAsync(rep));

        // Known now: a look or an append would open an IMAP session, and none is opened.
        await _imap.CloseAllAsync(null);
        var sessions = _imap.Accepted;
        var batch = await ScheduleTwoAsync(rep, customer);
        Assert.Equal(2, await _services.Get<SendMailboxDueMailCommand>().SendAsync(rep.Id, CancellationToken.None));

        Assert.Equal(sessions, _imap.Accepted);
        foreach (var id in batch)
        {
            await AssertOneSentCopyAsync(rep, customer, id);
        }

        Assert.Equal(SentCopyFiling.ByServer, await FilingAsync(rep));
    }

    [Fact]
    public async Task Send_ServerFilesNoSentMail_AppAddsOneCopy_RememberedAndLaterBatchAppended()
    {
        var rep = await RepAsync("digima.test");
        var customer = await _services.AddCustomerAsync("手動保存");

        var first = await _services.SendNowAndDeliverAsync(rep, ScheduledScenario.Input("一通目", "本文です。", customer));

        await AssertOneSentCopyAsync(rep, customer, first.Id);
        Assert.Equal(SentCopyFiling.ByApp, await FilingAsync(rep));

        var batch = await ScheduleTwoAsync(rep, customer);
        Assert.Equal(2, await _services.Get<SendMailboxDueMailCommand>().SendAsync(rep.Id, CancellationToken.None));

        foreach (var id in batch)
        {
            await AssertOneSentCopyAsync(rep, customer, id);
        }

        Assert.Equal(SentCopyFiling.ByApp, await FilingAsync(rep));
    }

    [Fact]
    public async Task Recover_ServerFilesSentMail_CrashAfterAcceptance_NoSecondCopy()
    {
        var rep = await RepAsync("files-sent.test");
        var customer = await _services.AddCustomerAsync("復旧");
        var id = (await _services.Get<Digima.Core.Compose.SendMailCommand>().SendNowAsync(rep, ScheduledScenario.Input("復旧", "本文です。", customer), CancellationToken.None)).Value;
        var claimed = (await _services.Get<IOutgoingMailRepository>().ClaimNextQueuedAsync(_services.Clock.GetUtcNow(), CancellationToken.None))!;
        // The node died right after the server took the mail (and filed its copy), not knowing
        // yet who files copies for this mailbox.
        Assert.True((await _services.Get<IOutgoingMailTransport>().SendAsync((await ConnectionAsync(rep))!, claimed, CancellationToken.None)).Succeeded);
        await _services.Get<IOutgoingMailRepository>().MarkSmtpAcceptedAsync(id, _services.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, claimed.MessageId));
        _services.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await _services.Get<RecoverStuckMailCommand>().RecoverAsync(CancellationToken.None));

        await AssertOneSentCopyAsync(rep, customer, id);
    }

    private async Task<CurrentUser> RepAsync(string domain)
    {
        var rep = await _services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@" + domain);
        await TestMailboxes.ConnectAsync(_services.Provider, rep, imapPort: _imap.Port);
        Assert.Equal(SentCopyFiling.Unknown, await FilingAsync(rep));
        return rep;
    }

    private async Task<List<long>> ScheduleTwoAsync(CurrentUser rep, Customer customer)
    {
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var outcome = await _services.Get<ScheduleMailCommand>().ScheduleAsync(
                rep, ScheduledScenario.Input($"予約 {i}", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0), "Asia/Tokyo", CancellationToken.None);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
            ids.Add(outcome.Value);
        }

        _services.Clock.Advance(TimeSpan.FromHours(1));
        return ids;
    }

    /// <summary>Sent and marked as having its copy, with one copy in Sent once the customer has
    /// it: the server files its copy with the same delivery, the app appends before marking sent.</summary>
    private async Task AssertOneSentCopyAsync(CurrentUser rep, Customer customer, long id)
    {
        var mail = (await _services.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal(MailStatus.Sent, mail.Status);
        Assert.True(mail.SentCopySaved);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        Assert.Single(await MailboxReader.WaitForAsync(rep.Email, mail.MessageId, "Sent"));
    }

    private async Task<SentCopyFiling> FilingAsync(CurrentUser rep) =>
        (await _services.Get<IMailboxRepository>().GetAsync(rep.Id, CancellationToken.None))!.SentCopies;

    private Task<MailboxConnection?> ConnectionAsync(CurrentUser rep) => _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
}
