using System.Diagnostics;
using Digima.Core.MailImport;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>A folder larger than many batches, and headers far beyond the usual size.</summary>
public sealed class LargeFolderTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("large");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_ThousandMessagesHalfWithCustomers_AllCustomerMailOnceInBatches()
    {
        var customer = await _s.AddCustomerAsync("大量");
        var mails = Enumerable.Range(0, 1000).Select(i => RawMail.Create(
            i % 2 == 0 ? customer.Email : $"someone{i}@private.test", _s.Rep.Email, $"n{i}").Text("UTF-8", $"本文 {i}")).ToArray();
        await _s.AppendAsync("INBOX", mails);

        var clock = Stopwatch.StartNew();
        var result = await _s.SyncAsync();
        clock.Stop();

        var inbox = result.Folders.Single(f => f.Kind == MailFolderKind.Inbox);
        Assert.Equal((1000, 500), (inbox.Seen, inbox.Imported));
        Assert.Equal(500, await _s.ScalarAsync<long>("SELECT count(DISTINCT message_id) FROM imported_mails"));
        Assert.Equal(1000, await _s.ScalarAsync<long>("SELECT last_uid FROM mail_import_cursors WHERE folder_kind = 'inbox'"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Sync_HugeReferencesAndLongHeader_Imported()
    {
        var customer = await _s.AddCustomerAsync("巨大");
        var id = RawMail.NewId();
        var references = string.Join("\r\n ", Enumerable.Range(0, 3000).Select(i => $"<ref{i}.{Guid.NewGuid():N}@thread.test>"));
        var longSubject = string.Join("\r\n ", Enumerable.Range(0, 400).Select(_ => RawMail.Word("UTF-8", "とても長い件名")));
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, longSubject, id).Header("References", references).Text("UTF-8", "本文"));

        var result = await _s.SyncAsync();

        Assert.Equal((MailboxSyncOutcome.Synced, 1), (result.Outcome, result.Imported));
        var mail = await _s.StoredAsync(id);
        Assert.Equal(3000, mail.References.Count);
        Assert.StartsWith("ref0.", mail.ThreadKey, StringComparison.Ordinal);
        Assert.StartsWith("とても長い件名とても長い件名", mail.Subject, StringComparison.Ordinal);
    }
}
