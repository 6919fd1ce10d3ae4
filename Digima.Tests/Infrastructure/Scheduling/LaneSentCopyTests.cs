using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>A lane saves its batch's Sent copies in one command; when the kept IMAP session it
/// gets has been ended by the server, each copy is looked for and added once on a new session.</summary>
public sealed class LaneSentCopyTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private ClosingTcpProxy _imap = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        // The test clock jumps an hour between the two lanes: a kept session lives and is reused
        // without NOOP across that jump here, so the second lane meets the session the server closed.
        _services = await ServiceHarness.CreateAsync("lane-copy", new Dictionary<string, string?>
        {
            ["Digima:Scheduling:RateLimitPerMinute"] = "0",
            ["Digima:MailConnections:IdleTimeout"] = "03:00:00",
            ["Digima:MailConnections:ReuseWithoutCheckWithin"] = "02:00:00",
        });
        _imap = new ClosingTcpProxy(TestEnvironment.ImapPort);
        _rep = await _services.AddUserAsync(UserRole.Rep, $"lane.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep, imapPort: _imap.Port);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _imap.DisposeAsync();
    }

    [Fact]
    public async Task Lane_KeptImapSessionEndedByServer_EachCopySavedOnceAndEveryMailSentOnce()
    {
        var customer = await _services.AddCustomerAsync("控え");
        var first = await ScheduleAsync(customer, "控え 最初", new DateTime(2026, 11, 27, 10, 0, 0));
        var batch = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            batch.Add(await ScheduleAsync(customer, $"控え {i}", new DateTime(2026, 11, 27, 11, 0, 0)));
        }

        var lane = _services.Get<SendMailboxDueMailCommand>();
        _services.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await lane.SendAsync(_rep.Id, CancellationToken.None));
        var sessionsBefore = _imap.Accepted;

        await _imap.CloseAllAsync(null);
        _services.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, await lane.SendAsync(_rep.Id, CancellationToken.None));

        Assert.True(_imap.Accepted > sessionsBefore, "a new IMAP session replaced the closed one");
        foreach (var id in batch.Prepend(first))
        {
            var mail = (await _services.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
            Assert.Equal(MailStatus.Sent, mail.Status);
            Assert.True(mail.SentCopySaved);
            Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
            Assert.Single(await MailboxReader.FindAsync(_rep.Email, mail.MessageId, "Sent"));
        }
    }

    private async Task<long> ScheduleAsync(Customer customer, string subject, DateTime localTokyo)
    {
        var outcome = await _services.Get<ScheduleMailCommand>().ScheduleAsync(
            _rep, ScheduledScenario.Input(subject, "本文です。", customer), localTokyo, "Asia/Tokyo", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }
}
