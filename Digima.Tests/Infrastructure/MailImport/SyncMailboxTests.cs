using Digima.Core.Accounts;
using Digima.Core.MailImport;
using Digima.Core.Timeline;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>The sync against the real local Dovecot: what is imported, and that nothing is
/// imported twice (R18, R23).</summary>
public sealed class SyncMailboxTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("import");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_CustomerAndPrivateMail_OnlyCustomerMailStored()
    {
        var customer = await _s.AddCustomerAsync("顧客");
        var fromCustomer = RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "お見積りの件")).Text("UTF-8", "よろしくお願いします。");
        var ccCustomer = RawMail.Create("colleague@partner.test", _s.Rep.Email, "FYI").Header("Cc", customer.Email).Text("UTF-8", "共有です");
        var privateMail = RawMail.Create("friend@private.test", _s.Rep.Email, RawMail.Word("UTF-8", "週末の予定")).Text("UTF-8", "私的な内容");

        await _s.AppendAsync("INBOX", fromCustomer, ccCustomer, privateMail);
        var result = await _s.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, result.Outcome);
        var stored = await _s.StoredAsync();
        Assert.Equal(["お見積りの件", "FYI"], stored.Select(m => m.Subject));
        Assert.DoesNotContain(stored, m => m.BodyText.Contains("私的", StringComparison.Ordinal));
        Assert.All(stored, m => Assert.Equal(MailDirection.Received, m.Direction));
        Assert.Equal(MailCustomerRole.Cc, Assert.Single(stored[1].Customers).Role);
        Assert.Equal(3, result.Folders.Single(f => f.Kind == MailFolderKind.Inbox).Seen);
    }

    [Fact]
    public async Task Sync_Twice_NoDuplicatesAndSecondRunUnchanged()
    {
        var customer = await _s.AddCustomerAsync("二度");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "first").Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "reply").Text("UTF-8", "返信"));

        await _s.SyncAsync();
        var second = await _s.SyncAsync();

        Assert.Equal(2, (await _s.StoredAsync()).Count);
        Assert.All(second.Folders, f => Assert.True(f.Unchanged));
    }

    [Fact]
    public async Task Sync_FirstSync_TakesOnlyTheLastDays()
    {
        var customer = await _s.AddCustomerAsync("古い");
        await _s.AppendAsync("INBOX", new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), RawMail.Create(customer.Email, _s.Rep.Email, "old").Text("UTF-8", "古い"));
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "new").Text("UTF-8", "新しい"));

        await _s.SyncAsync();

        Assert.Equal("new", Assert.Single(await _s.StoredAsync()).Subject);
    }

    [Fact]
    public async Task Sync_SameMailInInboxAndSent_OneMail()
    {
        var customer = await _s.AddCustomerAsync("両方");
        var id = RawMail.NewId();
        // One mail, so one Date header: the copy in Sent and the one delivered to the Inbox.
        var date = DateTimeOffset.UtcNow;
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "to self too", id, date).Header("Bcc", _s.Rep.Email).Text("UTF-8", "本文"));
        await _s.AppendAsync("INBOX", RawMail.Create(_s.Rep.Email, customer.Email, "to self too", id, date).Text("UTF-8", "本文"));

        await _s.SyncAsync();

        var mail = Assert.Single(await _s.StoredAsync());
        Assert.Equal(MailDirection.Sent, mail.Direction);
    }

    [Fact]
    public async Task Sync_NoMessageId_StableHashIdentityNoDuplicateOnRescan()
    {
        var customer = await _s.AddCustomerAsync("無ID");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "no id").Without("Message-ID").Text("UTF-8", "本文"));

        await _s.SyncAsync();
        await _s.ExecuteAsync("DELETE FROM mail_import_cursors");
        await _s.SyncAsync();

        var mail = Assert.Single(await _s.StoredAsync());
        Assert.StartsWith("hash:", mail.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_SentFolderRecreatedWithNewUidValidity_RescannedWithoutDuplicates()
    {
        var customer = await _s.AddCustomerAsync("再作成");
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "before").Text("UTF-8", "本文"));
        await _s.SyncAsync();
        var before = await _s.ScalarAsync<long>("SELECT uid_validity FROM mail_import_cursors WHERE folder_kind = 'sent'");

        await RecreateSentAsync();
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "after").Text("UTF-8", "本文"));
        await _s.SyncAsync();

        Assert.NotEqual(before, await _s.ScalarAsync<long>("SELECT uid_validity FROM mail_import_cursors WHERE folder_kind = 'sent'"));
        Assert.Equal(["after", "before"], (await _s.StoredAsync()).Select(m => m.Subject).Order());
    }

    [Fact]
    public async Task Delete_ThenResyncAndSameMailAgain_StaysDeleted()
    {
        var customer = await _s.AddCustomerAsync("削除");
        var id = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "delete me", id).Text("UTF-8", "本文"));
        await _s.SyncAsync();
        var mail = await _s.StoredAsync(id);

        Assert.True(await _s.Services.Get<DeleteImportedMailCommand>().DeleteAsync(_s.Rep, mail.Id, CancellationToken.None));
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "delete me", id).Text("UTF-8", "本文"));
        await _s.SyncAsync();
        await _s.ExecuteAsync("DELETE FROM mail_import_cursors");
        await _s.SyncAsync();

        Assert.Empty(await _s.StoredAsync());
        Assert.Equal(1, await _s.ScalarAsync<long>("SELECT count(*) FROM imported_mail_tombstones WHERE message_id = @id", new { id }));
    }

    [Fact]
    public async Task Sync_DifferentMailsReuseOneMessageId_EachStoredOnceUnderItsOwnIdentity()
    {
        var customer = await _s.AddCustomerAsync("再利用");
        var id = RawMail.NewId();
        var date = DateTimeOffset.UtcNow.AddHours(-2);
        var first = RawMail.Create(customer.Email, _s.Rep.Email, "first", id, date).Text("UTF-8", "一通目の本文");
        await _s.AppendAsync("INBOX", first);
        await _s.SyncAsync();

        // Later: another date, another body (the broken client reuses the ID), and one that
        // differs by its body only; then the first mail copied again, the other one twice in one sync.
        var laterDate = RawMail.Create(customer.Email, _s.Rep.Email, "later", id, date.AddHours(1)).Text("UTF-8", "二通目の本文");
        var otherBody = RawMail.Create(customer.Email, _s.Rep.Email, "first", id, date).Text("UTF-8", "本文だけ違う");
        await _s.AppendAsync("INBOX", laterDate, first, otherBody, otherBody);
        await _s.AppendAsync("Sent", first);
        await _s.SyncAsync();
        await _s.SyncAsync();

        var stored = await _s.StoredAsync();
        Assert.Equal(3, stored.Count);
        Assert.Equal(["一通目の本文", "二通目の本文", "本文だけ違う"], stored.Select(m => m.BodyText).Order(StringComparer.Ordinal));
        Assert.Equal(id, Assert.Single(stored, m => m.BodyText == "一通目の本文").MessageId);
        Assert.All(stored.Where(m => m.BodyText != "一通目の本文"), m => Assert.StartsWith(id + "#", m.MessageId, StringComparison.Ordinal));
        Assert.Equal(3, await _s.ScalarAsync<long>("SELECT count(*) FROM customer_timeline WHERE customer_id = @Id", new { customer.Id }));
    }

    [Fact]
    public async Task Sync_ReusedIdMailDeletedThenFolderRescanned_RecordedAsSkippedNotDropped()
    {
        var customer = await _s.AddCustomerAsync("記録");
        var id = RawMail.NewId();
        var date = DateTimeOffset.UtcNow.AddHours(-2);
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "one", id, date).Text("UTF-8", "一通目"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "two", id, date.AddMinutes(5)).Text("UTF-8", "二通目"));
        await _s.SyncAsync();
        var reused = Assert.Single(await _s.StoredAsync(), m => m.Subject == "two");

        Assert.True(await _s.Services.Get<DeleteImportedMailCommand>().DeleteAsync(_s.Rep, reused.Id, CancellationToken.None));
        await RecreateSentAsync();
        await _s.SyncAsync();

        Assert.Equal(["one"], (await _s.StoredAsync()).Select(m => m.Subject));
        var reason = await _s.ScalarAsync<string>("SELECT reason FROM mail_import_skipped WHERE user_id = @Id AND message_id = @reusedId", new { _s.Rep.Id, reusedId = reused.MessageId });
        Assert.Contains("deleted", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_MailImportedByTwoReps_StaysOnTimelineThroughTheOtherCopy()
    {
        var customer = await _s.AddCustomerAsync("共有");
        var other = await _s.Services.AddUserAsync(UserRole.Rep, ImportScenario.NewAddress("rep", "digima.test"));
        await TestMailboxes.ConnectAsync(_s.Services.Provider, other);
        var id = RawMail.NewId();
        var mail = RawMail.Create(customer.Email, $"{_s.Rep.Email}, {other.Email}", "to both of us", id).Text("UTF-8", "お二人へ");
        await _s.AppendAsync("INBOX", mail);
        await RawImapAppender.AppendAsync(other.Email, "INBOX", null, [mail.ToBytes()]);
        await _s.SyncAsync();
        await _s.Services.Get<SyncMailboxCommand>().SyncAsync(other.Id, CancellationToken.None);
        var mine = await _s.StoredAsync(id);

        Assert.True(await _s.Services.Get<DeleteImportedMailCommand>().DeleteAsync(_s.Rep, mine.Id, CancellationToken.None));

        var timeline = await _s.Services.Get<ListTimelineQuery>().ListAsync(_s.Rep, customer.Id, null, 50, CancellationToken.None);
        var item = Assert.Single(timeline.Items);
        Assert.Equal(id, item.MessageId);
        Assert.Equal(other.Id, item.RepUserId);
        Assert.Equal(TimelineDirection.In, item.Direction);
        Assert.NotEqual(mine.Id, item.ImportedMailId);
    }

    [Fact]
    public async Task Sync_AnotherSyncHoldsTheMailbox_ReturnsBusy()
    {
        await using var held = await _s.Services.Get<IMailboxSyncLock>().TryAcquireAsync(_s.Rep.Id, CancellationToken.None);

        var result = await _s.SyncAsync();

        Assert.NotNull(held);
        Assert.Equal(MailboxSyncOutcome.Busy, result.Outcome);
    }

    private async Task RecreateSentAsync()
    {
        using var client = await _s.LoginAsync();
        var sent = await client.GetFolderAsync("Sent");
        var personal = client.GetFolder(client.PersonalNamespaces[0]);
        var parking = (await personal.CreateAsync("Parking", true))!;
        await sent.OpenAsync(MailKit.FolderAccess.ReadWrite);
        await sent.MoveToAsync(await sent.SearchAsync(MailKit.Search.SearchQuery.All), parking);
        await sent.CloseAsync();
        await sent.DeleteAsync();
        await Task.Delay(1100); // Dovecot derives UIDVALIDITY from the clock.
        sent = (await personal.CreateAsync("Sent", true))!;
        await parking.OpenAsync(MailKit.FolderAccess.ReadWrite);
        await parking.MoveToAsync(await parking.SearchAsync(MailKit.Search.SearchQuery.All), sent);
        await client.DisconnectAsync(true);
    }
}
