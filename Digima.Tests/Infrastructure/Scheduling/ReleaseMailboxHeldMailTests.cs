using Digima.Core.Resources;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>Mail held because the mailbox could not be used goes out once the rep saves the
/// mailbox again; mail held for its content stays held.</summary>
public sealed class ReleaseMailboxHeldMailTests : IAsyncLifetime
{
    private ScheduledScenario _s = default!;

    public async Task InitializeAsync() => _s = await ScheduledScenario.CreateAsync("release-held");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task SaveMailboxAgain_MailHeldForUnreadablePassword_ReleasedWithTriggerAndSentOnce_MergeFieldHoldStays()
    {
        var customer = await _s.AddCustomerAsync("解除");
        var emptied = await _s.AddCustomerAsync("未入力");
        var byMailbox = await _s.ScheduleAsync(ScheduledScenario.Input("{{会社名}} 御中 再開", "本文です。", customer), InTokyo(TimeSpan.FromHours(1)));
        var byContent = await _s.ScheduleAsync(ScheduledScenario.Input("{{会社名}} 御中 保留のまま", "本文です。", emptied), InTokyo(TimeSpan.FromHours(1)));
        await _s.ExecuteAsync("UPDATE customers SET company = '' WHERE id = @id", new { id = emptied.Id });
        await _s.ExecuteAsync("UPDATE mailboxes SET smtp_password_protected = 'not-a-ciphertext' WHERE user_id = @Id", new { _s.Rep.Id });
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ScheduledRun.Held, await _s.RunAsync(byMailbox));
        await _s.ExecuteAsync("UPDATE mailboxes SET smtp_password_protected = imap_password_protected WHERE user_id = @Id", new { _s.Rep.Id });
        Assert.Equal(ScheduledRun.Held, await _s.RunAsync(byContent));
        Assert.Equal(TestLocalizer.For<CoreMessages>()["MailboxSecretUnreadable"].Value, (await _s.MailAsync(byMailbox)).HeldReason);
        Assert.Equal("mailbox", await _s.QuerySingleAsync<string>("SELECT held_cause FROM outgoing_mails WHERE id = @byMailbox", new { byMailbox }));
        Assert.Equal("content", await _s.QuerySingleAsync<string>("SELECT held_cause FROM outgoing_mails WHERE id = @byContent", new { byContent }));
        await _s.Services.Get<IScheduledSendTrigger>().UnscheduleAsync(byMailbox, CancellationToken.None);

        await TestMailboxes.ConnectAsync(_s.Services.Provider, _s.Rep);

        var released = await _s.MailAsync(byMailbox);
        Assert.Equal(MailStatus.Scheduled, released.Status);
        Assert.Null(released.HeldReason);
        Assert.True(await _s.Services.Get<IScheduledSendTrigger>().ExistsAsync(byMailbox, CancellationToken.None));
        Assert.Equal(MailStatus.Held, (await _s.MailAsync(byContent)).Status);
        Assert.Equal(0, await _s.Services.Get<ReleaseMailboxHeldMailCommand>().ReleaseAsync(_s.Rep.Id, CancellationToken.None));

        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(byMailbox));
        Assert.Equal(ScheduledRun.NotScheduled, await _s.RunAsync(byMailbox));
        var sent = await _s.MailAsync(byMailbox);
        Assert.Equal("株式会社テスト 御中 再開", Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId)).Subject);
        Assert.Equal(MailStatus.Held, (await _s.MailAsync(byContent)).Status);
    }

    [Fact]
    public async Task Release_TwoNodesAtOnce_EachMailReleasedByOne()
    {
        var customer = await _s.AddCustomerAsync("同時");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _s.ScheduleAsync(ScheduledScenario.Input($"同時 {i}", "本文です。", customer), InTokyo(TimeSpan.FromHours(1))));
        }

        await _s.ExecuteAsync("DELETE FROM mailboxes WHERE user_id = @Id", new { _s.Rep.Id });
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var id in ids)
        {
            Assert.Equal(ScheduledRun.Held, await _s.RunAsync(id));
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => _s.Services.Get<ReleaseMailboxHeldMailCommand>().ReleaseAsync(_s.Rep.Id, CancellationToken.None))));

        Assert.Equal(ids.Count, counts.Sum());
        foreach (var id in ids)
        {
            Assert.Equal(MailStatus.Scheduled, (await _s.MailAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Release_TimeNotYetPassed_KeepsItsTime()
    {
        var customer = await _s.AddCustomerAsync("時刻");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("時刻どおり", "本文です。", customer), InTokyo(TimeSpan.FromHours(3)));
        var scheduledAt = (await _s.MailAsync(id)).ScheduledAt;
        // Held by hand as a lane would hold it, two hours before its time (held earlier, edited later).
        Assert.True(await _s.Services.Get<IScheduledMailRepository>().HoldAsync(id, "接続できません", HeldCause.Mailbox, _s.Now, CancellationToken.None));

        Assert.Equal(1, await _s.Services.Get<ReleaseMailboxHeldMailCommand>().ReleaseAsync(_s.Rep.Id, CancellationToken.None));

        Assert.Equal(scheduledAt, (await _s.MailAsync(id)).ScheduledAt);
        Assert.Equal(ScheduledRun.NotDue, await _s.RunAsync(id));
    }

    /// <summary>The Tokyo wall-clock time <paramref name="ahead"/> of the test clock.</summary>
    private DateTime InTokyo(TimeSpan ahead) =>
        TimeZoneInfo.ConvertTime(_s.Now + ahead, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;
}
