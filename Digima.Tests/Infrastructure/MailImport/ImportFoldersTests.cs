using Digima.Core.Common;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Privacy;
using Digima.Tests.Support;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Folders chosen per mailbox against the real Dovecot/Postfix (issue "Import that
/// misses nothing", B5): a folder filled by a Sieve rule, the same mail in two folders, the
/// totals per folder and 「完全に再同期」.</summary>
public sealed class ImportFoldersTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("folders");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_MailFiledBySieveRule_ImportedOnceWhenFolderChosen()
    {
        var customer = await _s.AddCustomerAsync("規則");
        var message = TestMailboxes.HtmlMessage(customer.Email, _s.Rep.Email, "案件リストの連絡", "<p>リストからです。</p>");
        message.Headers.Add("List-Id", "案件 <team.rules.test>");
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        // The rule filed it into Projects, not the Inbox.
        await WaitInFolderAsync("Projects", message.MessageId!);
        Assert.Empty(await MailboxReader.FindAsync(_s.Rep.Email, message.MessageId!));

        await _s.SyncAsync();
        Assert.Empty(await _s.StoredAsync());

        var saved = await SaveAsync("INBOX", "Sent", "Projects");
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors));
        var first = await _s.SyncAsync();
        var second = await _s.SyncAsync();

        var stored = Assert.Single(await _s.StoredAsync());
        Assert.Equal("案件リストの連絡", stored.Subject);
        Assert.Equal(MailFolderKind.Other, stored.FolderKind);
        Assert.Equal(1, first.Folders.Single(f => f.FolderName == "Projects").Imported);
        Assert.All(second.Folders, f => Assert.Equal(0, f.Imported));
    }

    [Fact]
    public async Task Sync_SameMailInInboxAndArchive_OneMailOneTimelineEntry()
    {
        var customer = await _s.AddCustomerAsync("二重");
        var id = RawMail.NewId();
        var mail = RawMail.Create(customer.Email, _s.Rep.Email, "two folders", id).Text("UTF-8", "同じメール");
        await CreateFolderAsync("Archive");
        await _s.AppendAsync("INBOX", mail);
        await _s.AppendAsync("Archive", mail);
        Assert.True((await SaveAsync("INBOX", "Archive")).Succeeded);

        var result = await _s.SyncAsync();

        Assert.Single(await _s.StoredAsync());
        Assert.Equal(1, await _s.ScalarAsync<long>(
            "SELECT count(*) FROM imported_mails m JOIN imported_mail_customers l ON l.mail_id = m.id WHERE m.user_id = @Id AND l.customer_id = @C",
            new { _s.Rep.Id, C = customer.Id }));
        Assert.Equal(1, result.Imported);
        Assert.Equal(1, result.Folders.Sum(f => f.Known));
    }

    [Fact]
    public async Task Status_AfterSync_TotalsMatchTheServer()
    {
        var customer = await _s.AddCustomerAsync("合計");
        await _s.Services.Get<SaveNeverImportCommand>().SaveAsync(_s.Rep, "never.test", true, CancellationToken.None);
        await CreateFolderAsync("Archive/2026");
        await _s.AppendAsync("Archive/2026",
            RawMail.Create(customer.Email, _s.Rep.Email, "one").Text("UTF-8", "1"),
            RawMail.Create(customer.Email, _s.Rep.Email, "two").Text("UTF-8", "2"),
            RawMail.Create("friend@private.test", _s.Rep.Email, "no customer").Text("UTF-8", "3"),
            RawMail.Create(customer.Email, _s.Rep.Email, "never").Header("Cc", "someone@never.test").Text("UTF-8", "4"));
        await _s.AppendRawAsync("Archive/2026", System.Text.Encoding.ASCII.GetBytes(
            $"From: {customer.Email}\r\nTo: {_s.Rep.Email}\r\nSubject: broken\r\nMessage-ID: <{RawMail.NewId()}>\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain; charset=\"no-such-charset\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n"));
        Assert.True((await SaveAsync("INBOX", "Archive/2026")).Succeeded);

        await _s.SyncAsync();

        var status = (await _s.Services.Get<GetMailboxSyncStatusQuery>().GetAsync(_s.Rep, _s.Rep.Id, CancellationToken.None))!;
        var archive = status.Folders.Single(f => f.FolderName == "Archive/2026");
        Assert.Equal(5, archive.ServerCount);
        Assert.Equal(5, archive.SeenCount);
        Assert.Equal(1, archive.NoCustomerCount);
        Assert.Equal(1, status.Skipped(archive, SkipReasons.NeverImport));
        var listed = await _s.Services.Get<ListSkippedMailQuery>().ListAsync(_s.Rep, _s.Rep.Id, archive.Folder, SkipReasons.NeverImport, CancellationToken.None);
        Assert.Equal("never", Assert.Single(listed).Subject);
        // The broken one is imported with what could be read or skipped as unreadable: either way counted once.
        Assert.Equal(5, archive.ImportedCount + archive.NoCustomerCount + archive.KnownCount + SkipReasons.All.Sum(r => status.Skipped(archive, r)));
    }

    [Fact]
    public async Task Resync_AddsNothingTwice_ReportsWhatWasMissing()
    {
        var customer = await _s.AddCustomerAsync("再同期");
        await CreateFolderAsync("Archive");
        await _s.AppendAsync("Archive",
            RawMail.Create(customer.Email, _s.Rep.Email, "a").Text("UTF-8", "a"),
            RawMail.Create(customer.Email, _s.Rep.Email, "b").Text("UTF-8", "b"));
        Assert.True((await SaveAsync("INBOX", "Archive")).Succeeded);
        await _s.SyncAsync();
        // One mail goes missing in the app (lost by hand, not deleted by the rep: no tombstone).
        await _s.ExecuteAsync("DELETE FROM imported_mails WHERE user_id = @Id AND subject = 'b'", new { _s.Rep.Id });

        var report = await _s.Services.Get<ResyncFolderCommand>().ResyncAsync(_s.Rep, _s.Rep.Id, ImportFolder.Named("Archive"), CancellationToken.None);

        Assert.Equal(MailboxSyncOutcome.Synced, report.Outcome);
        Assert.Equal(1, report.Imported);
        Assert.Equal(1, report.Known);
        Assert.Equal("1件を新たに取り込みました。1件は取り込み済みでした。重複はありません。", report.Message);
        Assert.Equal(["a", "b"], (await _s.StoredAsync()).Select(m => m.Subject).Order());

        var again = await _s.Services.Get<ResyncFolderCommand>().ResyncAsync(_s.Rep, _s.Rep.Id, ImportFolder.Named("Archive"), CancellationToken.None);
        Assert.Equal((0, 2), (again.Imported, again.Known));
        Assert.Equal(2, (await _s.StoredAsync()).Count);
        var archive = (await _s.Services.Get<GetMailboxSyncStatusQuery>().GetAsync(_s.Rep, _s.Rep.Id, CancellationToken.None))!.Folders.Single(f => f.Key == "Archive");
        Assert.Equal((2, 0, 2), (archive.SeenCount, archive.ImportedCount, archive.KnownCount));
    }

    [Fact]
    public async Task Save_FolderNotOnServer_RefusedAndChoiceKept()
    {
        var refused = await SaveAsync("INBOX", "No/Such/Folder");

        Assert.False(refused.Succeeded);
        Assert.Contains("No/Such/Folder", refused.Errors[0].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ImportFolder.Default, await _s.Services.Get<MailImportFolders>().ChosenAsync(_s.Rep.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Folders_AnotherRep_NotFound()
    {
        var other = await _s.Services.AddUserAsync(Digima.Core.Accounts.UserRole.Rep, ImportScenario.NewAddress("other", "digima.test"));
        var actor = other;

        await Assert.ThrowsAsync<NotFoundException>(() => _s.Services.Get<ListImportFoldersQuery>().ListAsync(actor, _s.Rep.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Services.Get<SaveImportFoldersCommand>().SaveAsync(actor, _s.Rep.Id, ["INBOX"], CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Services.Get<ResyncFolderCommand>().ResyncAsync(actor, _s.Rep.Id, ImportFolder.Inbox, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Services.Get<ListSkippedMailQuery>().ListAsync(actor, _s.Rep.Id, ImportFolder.Inbox, SkipReasons.Unreadable, CancellationToken.None));
    }

    [Fact]
    public async Task List_ServerFolders_SkipsNoselectAndMarksInboxAndSent()
    {
        await CreateFolderAsync("Clients/Acme");

        var choice = await _s.Services.Get<ListImportFoldersQuery>().ListAsync(_s.Rep, _s.Rep.Id, CancellationToken.None);

        var folders = choice.Folders!;
        Assert.Equal(ImportFolder.Inbox, folders.Single(f => f.FullName == "INBOX").Folder);
        Assert.Equal(ImportFolder.Sent, folders.Single(f => f.FullName == "Sent").Folder);
        Assert.Equal("Junk", folders.Single(f => f.FullName == "Junk").SpecialUse);
        Assert.Contains(folders, f => f.FullName == "Clients/Acme");
        // "Clients" exists only as a level of the hierarchy (\Noselect in Maildir++): not offered.
        Assert.DoesNotContain(folders, f => f.FullName == "Clients");
        Assert.Equal(ImportFolder.Default, choice.Chosen);
    }

    private Task<Outcome<IReadOnlyList<ImportFolder>>> SaveAsync(params string[] names) =>
        _s.Services.Get<SaveImportFoldersCommand>().SaveAsync(_s.Rep, _s.Rep.Id, names, CancellationToken.None);

    private Task CreateFolderAsync(string fullName) => RawImapAppender.CreateAsync(_s.Rep.Email, fullName);

    private async Task WaitInFolderAsync(string folder, string messageId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                if ((await MailboxReader.FindAsync(_s.Rep.Email, messageId, folder)).Count > 0)
                {
                    return;
                }
            }
            catch (FolderNotFoundException) when (DateTime.UtcNow < deadline)
            {
                // The rule creates the folder on its first delivery.
            }

            Assert.True(DateTime.UtcNow < deadline, $"The mail did not arrive in {folder}.");
            await Task.Delay(250);
        }
    }
}
