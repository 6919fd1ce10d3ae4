using Digima.Core.MailImport;

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
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "to self too", id).Header("Bcc", _s.Rep.Email).Text("UTF-8", "本文"));
        await _s.AppendAsync("INBOX", RawMail.Create(_s.Rep.Email, customer.Email, "to self too", id).Text("UTF-8", "本文"));

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
