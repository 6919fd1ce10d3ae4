using Digima.Core.Notifications;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>Scheduled mail from 「予約送信」 to the customer's inbox through the real Postfix and
/// Dovecot, with the use case the trigger runs called at the moments a test chooses.</summary>
public sealed class ScheduledSendTests : IAsyncLifetime
{
    private ScheduledScenario _s = default!;

    public async Task InitializeAsync() => _s = await ScheduledScenario.CreateAsync("schedule");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Schedule_NineTokyo_StoredAsMidnightUtcAndSentOnceAtItsTime()
    {
        var customer = await _s.AddCustomerAsync("予約");
        // The test clock starts at 2026-11-27 00:00 UTC (09:00 in Tokyo).
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("{{会社名}} 御中", "{{姓}} 様\nご案内です。", customer), new DateTime(2026, 11, 28, 9, 0, 0));

        var mail = await _s.MailAsync(id);
        Assert.Equal(MailStatus.Scheduled, mail.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), mail.ScheduledAt);
        Assert.True(await _s.Services.Get<IScheduledSendTrigger>().ExistsAsync(id, CancellationToken.None));
        Assert.Equal(ScheduledRun.NotDue, await _s.RunAsync(id));

        _s.Services.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(id));
        Assert.Equal(ScheduledRun.NotScheduled, await _s.RunAsync(id));

        var sent = await _s.MailAsync(id);
        Assert.Equal(MailStatus.Sent, sent.Status);
        Assert.Equal(TimeSpan.Zero, sent.LateBy);
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        Assert.Equal("株式会社テスト 御中", received.Subject);
    }

    [Fact]
    public async Task Edit_NewSubject_ItsThreadRowFollows_SoAReplyJoinsByTheSubjectSent()
    {
        var customer = await _s.AddCustomerAsync("件名変更");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("最初の件名", "本文です。", customer), new DateTime(2026, 11, 28, 9, 0, 0));
        var edit = new ScheduledMailEdit(id, "書き直した件名", "本文です。", new DateTime(2026, 11, 28, 9, 0, 0));

        Assert.True((await _s.Services.Get<EditScheduledMailCommand>().EditAsync(_s.Rep, edit, CancellationToken.None)).Succeeded);

        var mail = await _s.MailAsync(id);
        Assert.Equal("書き直した件名", await _s.QuerySingleAsync<string>("SELECT subject FROM mail_threads WHERE message_id = @MessageId", new { mail.MessageId }));
    }

    [Fact]
    public async Task Run_ScheduledAndEditedTheDayBefore_DatedTheMomentItIsHandedOver()
    {
        var customer = await _s.AddCustomerAsync("日付");
        // The test clock starts at 2026-11-27 00:00 UTC (09:00 in Tokyo): written then, edited an hour later, sent the next morning.
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("翌朝のご案内", "本文です。", customer), new DateTime(2026, 11, 28, 9, 0, 0));
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));
        var edit = new ScheduledMailEdit(id, "翌朝のご案内", "書き直した本文です。", new DateTime(2026, 11, 28, 9, 0, 0));
        Assert.True((await _s.Services.Get<EditScheduledMailCommand>().EditAsync(_s.Rep, edit, CancellationToken.None)).Succeeded);
        _s.Services.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromSeconds(37.6));
        var handedOver = new DateTimeOffset(2026, 11, 28, 0, 0, 37, TimeSpan.Zero);

        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(id));

        var sent = await _s.MailAsync(id);
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        var copy = Assert.Single(await MailboxReader.WaitForAsync(_s.Rep.Email, sent.MessageId, "Sent"));
        Assert.Equal(handedOver, received.Date);
        Assert.Equal(handedOver, copy.Date);
        Assert.Equal(handedOver, sent.SmtpAcceptedAt);
        Assert.Equal(handedOver, sent.SentAt);
    }

    [Fact]
    public async Task Run_AppWasDownAtTheTime_SendsAndNotesHowLate()
    {
        var customer = await _s.AddCustomerAsync("遅延");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("遅れて", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0));

        _s.Services.Clock.Advance(TimeSpan.FromMinutes(60 + 17));
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(id));

        Assert.Equal(TimeSpan.FromMinutes(17), (await _s.MailAsync(id)).LateBy);
    }

    [Fact]
    public async Task Run_MergeFieldEmptiedSinceScheduling_HeldWithReasonAndNothingSent_ThenFixedAndSent()
    {
        var customer = await _s.AddCustomerAsync("保留");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("{{会社名}} 御中", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0));
        await _s.ExecuteAsync("UPDATE customers SET company = '' WHERE id = @id", new { id = customer.Id });

        _s.Services.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ScheduledRun.Held, await _s.RunAsync(id));

        var held = await _s.MailAsync(id);
        Assert.Equal(MailStatus.Held, held.Status);
        Assert.Equal("差し込み項目「会社名」が顧客「保留」で未入力のため送信できません。顧客情報を入力してから送信してください。", held.HeldReason);
        Assert.Empty(await MailboxReader.FindAsync(customer.Email, held.MessageId));

        await _s.ExecuteAsync("UPDATE customers SET company = '株式会社なおした' WHERE id = @id", new { id = customer.Id });
        var edit = new ScheduledMailEdit(id, held.SubjectTemplate, held.BodyTemplate, new DateTime(2026, 11, 27, 10, 5, 0));
        Assert.True((await _s.Services.Get<EditScheduledMailCommand>().EditAsync(_s.Rep, edit, CancellationToken.None)).Succeeded);
        _s.Services.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(id));
        Assert.Equal("株式会社なおした 御中", Assert.Single(await MailboxReader.WaitForAsync(customer.Email, held.MessageId)).Subject);
    }

    [Fact]
    public async Task Run_Held_RepNotifiedAndBothEventsOnTheCustomersTimeline()
    {
        var customer = await _s.AddCustomerAsync("通知");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("{{会社名}} 御中", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0));
        await _s.ExecuteAsync("UPDATE customers SET company = '' WHERE id = @id", new { id = customer.Id });
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ScheduledRun.Held, await _s.RunAsync(id));

        var notification = Assert.Single((await _s.Services.Get<ListNotificationsQuery>().ListAsync(_s.Rep, CancellationToken.None)).Items);
        Assert.Equal((NotificationKind.Held, id, (long?)customer.Id), (notification.Kind, notification.MailId, notification.CustomerId));
        var timeline = await _s.Services.Get<ListTimelineQuery>().ListAsync(_s.Rep, customer.Id, null, 30, CancellationToken.None);
        var events = timeline.Items.Where(i => i.EventKind is not null).ToList();
        Assert.Equal([CustomerEventKind.Held, CustomerEventKind.Scheduled], events.Select(e => e.EventKind!.Value));
        Assert.Contains("会社名", events[0].EventDetail);
        Assert.Equal(MailStatus.Held, Assert.Single(timeline.Items, i => i.OutgoingMailId == id && i.EventKind is null).Status);
    }

    [Fact]
    public async Task EditAndCancel_BeforeSending_ChangeTheMail_RefusedOnceSendingStarted()
    {
        var customer = await _s.AddCustomerAsync("編集");
        var edited = await _s.ScheduleAsync(ScheduledScenario.Input("初め", "本文です。", customer), new DateTime(2026, 11, 27, 12, 0, 0));
        var cancelled = await _s.ScheduleAsync(ScheduledScenario.Input("取り消す", "本文です。", customer), new DateTime(2026, 11, 27, 12, 0, 0));
        var racing = await _s.ScheduleAsync(ScheduledScenario.Input("競合", "本文です。", customer), new DateTime(2026, 11, 27, 12, 0, 0));
        var editCommand = _s.Services.Get<EditScheduledMailCommand>();
        var cancelCommand = _s.Services.Get<CancelScheduledMailCommand>();

        var edit = await editCommand.EditAsync(_s.Rep, new ScheduledMailEdit(edited, "変更後 {{姓}}様", "新しい本文", new DateTime(2026, 11, 27, 13, 30, 0)), CancellationToken.None);
        var cancel = await cancelCommand.CancelAsync(_s.Rep, cancelled, CancellationToken.None);
        // The send claimed this one first.
        await _s.ExecuteAsync("UPDATE outgoing_mails SET status = 'sending', claimed_at = now() WHERE id = @racing", new { racing });
        var lateEdit = await editCommand.EditAsync(_s.Rep, new ScheduledMailEdit(racing, "遅い", "本文", new DateTime(2026, 11, 27, 13, 0, 0)), CancellationToken.None);
        var lateCancel = await cancelCommand.CancelAsync(_s.Rep, racing, CancellationToken.None);

        Assert.True(edit.Succeeded);
        var after = await _s.MailAsync(edited);
        Assert.Equal(("変更後 編集様", "新しい本文", new DateTimeOffset(2026, 11, 27, 4, 30, 0, TimeSpan.Zero)), (after.Subject, after.BodyText, after.ScheduledAt!.Value));
        Assert.True(cancel.Succeeded);
        Assert.Equal(MailStatus.Cancelled, (await _s.MailAsync(cancelled)).Status);
        Assert.False(await _s.Services.Get<IScheduledSendTrigger>().ExistsAsync(cancelled, CancellationToken.None));
        Assert.Equal("このメールはすでに送信が始まったため、変更・取り消しできません。", Assert.Single(lateEdit.Errors).ErrorMessage);
        Assert.Equal("このメールはすでに送信が始まったため、変更・取り消しできません。", Assert.Single(lateCancel.Errors).ErrorMessage);
        Assert.Equal("競合", (await _s.MailAsync(racing)).Subject);

        _s.Services.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(ScheduledRun.NotScheduled, await _s.RunAsync(cancelled));
    }

    [Fact]
    public async Task Claim_EditedSinceItWasRead_Refused_SoTheCheckedContentIsTheSentContent()
    {
        var customer = await _s.AddCustomerAsync("読込");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("前の件名", "前の本文", customer), new DateTime(2026, 11, 27, 10, 0, 0));
        var read = await _s.MailAsync(id);
        var edit = await _s.Services.Get<EditScheduledMailCommand>().EditAsync(
            _s.Rep, new ScheduledMailEdit(id, "新しい件名", "新しい本文", new DateTime(2026, 11, 27, 10, 0, 0)), CancellationToken.None);
        Assert.True(edit.Succeeded);
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));
        var repository = _s.Services.Get<IScheduledMailRepository>();

        Assert.Null(await repository.ClaimDueAsync(read, _s.Now, "前の件名", "前の本文", CancellationToken.None));
        Assert.Equal(MailStatus.Scheduled, (await _s.MailAsync(id)).Status);
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(id));
        Assert.Equal(("新しい件名", "新しい本文"), ((await _s.MailAsync(id)).Subject, (await _s.MailAsync(id)).BodyText));
    }

    [Fact]
    public async Task Schedule_LessThanAMinuteAhead_Refused()
    {
        var customer = await _s.AddCustomerAsync("直前");

        var outcome = await _s.Services.Get<ScheduleMailCommand>().ScheduleAsync(
            _s.Rep, ScheduledScenario.Input("件名", "本文", customer), new DateTime(2026, 11, 27, 9, 0, 30), "Asia/Tokyo", CancellationToken.None);

        Assert.Equal("予約日時は1分以上先を指定してください。", Assert.Single(outcome.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Run_ManyDueAtOnceForOneMailbox_SpacedByTheRateLimitNeverDropped()
    {
        var customer = await _s.AddCustomerAsync("間隔");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _s.ScheduleAsync(ScheduledScenario.Input($"間隔 {i}", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0)));
        }

        _s.Services.Clock.Advance(TimeSpan.FromHours(1));
        var runs = new List<ScheduledRun>();
        foreach (var id in ids)
        {
            runs.Add(await _s.RunAsync(id));
        }

        // 30 a minute: one slot every 2 seconds.
        Assert.Equal([ScheduledRun.Sent, ScheduledRun.Deferred, ScheduledRun.Deferred], runs);
        Assert.Equal(_s.Now + TimeSpan.FromSeconds(2), (await _s.MailAsync(ids[1])).SendAfter);
        Assert.Equal(_s.Now + TimeSpan.FromSeconds(4), (await _s.MailAsync(ids[2])).SendAfter);
        Assert.Equal(ScheduledRun.NotDue, await _s.RunAsync(ids[2]));

        _s.Services.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(ids[1]));
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(ids[2]));
    }

    [Fact]
    public async Task Lanes_RateLimitOff_EveryMailboxsDueMailSentOnceWithoutItsOwnTrigger_LaterMailWaits()
    {
        await using var s = await ScheduledScenario.CreateAsync("schedule-lanes", settings: new Dictionary<string, string?> { ["Digima:Scheduling:RateLimitPerMinute"] = "0" });
        var other = await s.Services.AddUserAsync(Digima.Core.Accounts.UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(s.Services.Provider, other, null);
        var customer = await s.AddCustomerAsync("一斉");
        var ten = new DateTime(2026, 11, 27, 10, 0, 0);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await s.ScheduleAsync(ScheduledScenario.Input($"一斉 {i}", "本文です。", customer), ten));
            var theirs = await s.Services.Get<ScheduleMailCommand>().ScheduleAsync(
                other, ScheduledScenario.Input($"一斉 別の担当 {i}", "本文です。", customer), ten, "Asia/Tokyo", CancellationToken.None);
            ids.Add(theirs.Value);
        }

        var later = await s.ScheduleAsync(ScheduledScenario.Input("一斉 後で", "本文です。", customer), new DateTime(2026, 11, 27, 11, 0, 0));
        // No trigger fires in this test: what is sent, the lanes sent.
        s.Services.Clock.Advance(TimeSpan.FromHours(1));

        var lanes = s.Services.Get<Digima.Infrastructure.Scheduling.ScheduledSendLanes>();
        // A second firing while the lanes run starts no second lane for the same mailbox.
        await lanes.StartDueAsync(CancellationToken.None);
        await lanes.StartDueAsync(CancellationToken.None);
        await lanes.IdleAsync().WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var id in ids)
        {
            var mail = await s.MailAsync(id);
            Assert.Equal(MailStatus.Sent, mail.Status);
            Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
            var sender = mail.UserId == s.Rep.Id ? s.Rep.Email : other.Email;
            Assert.Single(await MailboxReader.FindAsync(sender, mail.MessageId, "Sent"));
            Assert.Equal(ScheduledRun.NotScheduled, await s.RunAsync(id));
        }

        Assert.Equal(MailStatus.Scheduled, (await s.MailAsync(later)).Status);
        Assert.Equal(0, lanes.Running);
    }

    [Fact]
    public async Task Lanes_RateLimitOn_StartNone_EachMailKeepsItsSlot()
    {
        var customer = await _s.AddCustomerAsync("間隔");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("間隔", "本文です。", customer), new DateTime(2026, 11, 27, 10, 0, 0));
        _s.Services.Clock.Advance(TimeSpan.FromHours(1));

        var lanes = _s.Services.Get<Digima.Infrastructure.Scheduling.ScheduledSendLanes>();
        await lanes.StartDueAsync(CancellationToken.None);

        Assert.Equal(0, lanes.Running);
        Assert.Equal(MailStatus.Scheduled, (await _s.MailAsync(id)).Status);
    }
}
