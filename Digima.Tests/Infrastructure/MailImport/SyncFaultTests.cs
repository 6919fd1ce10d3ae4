using Digima.Core.Accounts;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Faults: a connection cut mid-sync, a wrong password, a message that cannot be parsed.</summary>
public sealed class SyncFaultTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("faults");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_ConnectionCutAfterFirstBatch_NextSyncConvergesWithoutGapsOrDuplicates()
    {
        var customer = await _s.AddCustomerAsync("切断");
        var mails = Enumerable.Range(1, 7).Select(i => RawMail.Create(customer.Email, _s.Rep.Email, $"m{i}").Text("UTF-8", "本文")).ToArray();
        await _s.AppendAsync("INBOX", mails);
        var cutting = Command(new CuttingServer(_s.Services.Get<IMailImportServer>(), bodyFetchesBeforeCut: 1), batchSize: 3);

        var cut = await cutting.SyncAsync(_s.Rep.Id, CancellationToken.None);
        var storedAfterCut = (await _s.StoredAsync()).Count;
        var resumed = await _s.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Failed, cut.Outcome);
        // More than one batch: the first is the smallest (batches of 1, 2, 3 then 3; FolderReadPlan.ChunksOf).
        Assert.Equal(1, storedAfterCut);
        Assert.Equal(MailboxSyncOutcome.Synced, resumed.Outcome);
        Assert.Equal(6, resumed.Imported);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"m{i}"), (await _s.StoredAsync()).OrderBy(m => m.Uid).Select(m => m.Subject));
    }

    [Theory]
    [InlineData(0, 2)] // cut at the second chunk's summaries: nothing stored yet
    [InlineData(0, 3)] // at the third chunk's summaries, read while the first batch's bodies were pending
    [InlineData(2, 0)] // at the third batch's bodies, with two batches stored or being stored
    public async Task Sync_PipelinedSyncCutAnywhere_StoresAPrefixAndNextSyncConverges(int bodyFetchesBeforeCut, int summaryFetchesBeforeCut)
    {
        var customer = await _s.AddCustomerAsync("途中");
        var mails = Enumerable.Range(1, 11).Select(i => RawMail.Create(customer.Email, _s.Rep.Email, $"m{i}").Text("UTF-8", "本文")).ToArray();
        await _s.AppendAsync("INBOX", mails);
        var cut = new CuttingServer(_s.Services.Get<IMailImportServer>(), bodyFetchesBeforeCut == 0 ? int.MaxValue : bodyFetchesBeforeCut)
        {
            SummaryFetchesBeforeCut = summaryFetchesBeforeCut == 0 ? int.MaxValue : summaryFetchesBeforeCut,
        };

        var failed = await Command(cut, batchSize: 3).SyncAsync(_s.Rep.Id, CancellationToken.None);
        var afterCut = (await _s.StoredAsync()).OrderBy(m => m.Uid).ToList();
        var cursor = await _s.ScalarAsync<long?>("SELECT last_uid FROM mail_import_cursors WHERE user_id = @Id AND folder_kind = 'inbox'", new { _s.Rep.Id }) ?? 0;
        var resumed = await _s.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Failed, failed.Outcome);
        // Batches of 1, 2, 3, 3 and 2 (FolderReadPlan.ChunksOf), two stored at once: only whole
        // ones are stored, and the cursor is at the end of a run from the first, with every
        // message up to it stored: no gap for the resumed sync to jump over.
        var behind = afterCut.Where(m => m.Uid <= cursor).ToList();
        Assert.Contains(behind.Count, new[] { 0, 1, 3, 6, 9, 11 });
        Assert.Equal(Enumerable.Range(1, behind.Count).Select(i => $"m{i}"), behind.Select(m => m.Subject));
        Assert.Equal(behind.Count == 0 ? 0 : behind[^1].Uid, cursor);
        Assert.Equal(11 - afterCut.Count, resumed.Imported);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"m{i}"), (await _s.StoredAsync()).OrderBy(m => m.Uid).Select(m => m.Subject));
    }

    [Fact]
    public async Task Sync_RealConnectionCutDuringABodyFetch_NextSyncConvergesWithoutGapsOrDuplicates()
    {
        var customer = await _s.AddCustomerAsync("実切断");
        var mails = Enumerable.Range(1, 40).Select(i => RawMail.Create(i % 3 == 0 ? "friend@private.test" : customer.Email, _s.Rep.Email, $"m{i}").Text("UTF-8", "本文")).ToArray();
        await _s.AppendAsync("INBOX", mails);
        await using var import = new RelayedImport(_s, batchSize: 5);
        var bodyFetches = 0;
        import.Relay.CutBefore(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal) && ++bodyFetches == 3);

        var cut = await import.SyncAsync();
        var afterCut = (await _s.StoredAsync()).Count;
        var resumed = await import.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Failed, cut.Outcome);
        Assert.InRange(afterCut, 1, 26);
        Assert.Equal(MailboxSyncOutcome.Synced, resumed.Outcome);
        var expected = Enumerable.Range(1, 40).Where(i => i % 3 != 0).Select(i => $"m{i}");
        Assert.Equal(expected, (await _s.StoredAsync()).OrderBy(m => m.Uid).Select(m => m.Subject));
    }

    [Fact]
    public async Task Sync_WrongPassword_FailedWithClearErrorInStatus()
    {
        var rep = await _s.Services.AddUserAsync(UserRole.Rep, ImportScenario.NewAddress("pw", "digima.test"));
        await TestMailboxes.ConnectAsync(_s.Services.Provider, rep, password: "not-the-password");

        var result = await _s.Services.Get<SyncMailboxCommand>().SyncAsync(rep.Id, CancellationToken.None);

        Assert.Equal(MailboxSyncOutcome.Failed, result.Outcome);
        Assert.Contains("ログインできません", result.Error, StringComparison.Ordinal);
        var status = await _s.Services.Get<GetMailboxSyncStatusQuery>().GetAsync(rep, rep.Id, CancellationToken.None);
        Assert.Equal(result.Error, status!.LastError);
        Assert.Null(status.LastSuccessAt);
    }

    [Fact]
    public async Task Sync_UnparseableMessage_RecordedAsSkippedAndOthersImported()
    {
        var customer = await _s.AddCustomerAsync("破損");
        var garbage = System.Text.Encoding.ASCII.GetBytes($"this line is no header\r\nFrom: {customer.Email}\r\nTo: {_s.Rep.Email}\r\nSubject: broken\r\n\r\nbody\r\n");
        await _s.AppendRawAsync("INBOX", garbage);
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "fine").Text("UTF-8", "本文"));

        var result = await _s.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, result.Outcome);
        Assert.Equal(["fine"], (await _s.StoredAsync()).Select(m => m.Subject));
        var status = await _s.Services.Get<GetMailboxSyncStatusQuery>().GetAsync(_s.Rep, _s.Rep.Id, CancellationToken.None);
        Assert.NotNull(status!.LastSuccessAt);
        Assert.Equal(2, status.Folders.Single(f => f.Kind == MailFolderKind.Inbox).SeenCount);
        var skipped = Assert.Single(status.RecentSkipped);
        Assert.Equal("MIME: Failed to parse message headers.", skipped.Reason);
        Assert.Equal(1, result.Folders.Single(f => f.Kind == MailFolderKind.Inbox).Skipped);
    }

    private SyncMailboxCommand Command(IMailImportServer server, int batchSize) => new(
        _s.Services.Get<IMailboxConnections>(), _s.Services.Get<MailImportFolders>(), server, _s.Services.Get<IImportedMailRepository>(), _s.Services.Get<Digima.Core.MailImport.Privacy.IMailPrivacyRepository>(), _s.Services.Get<IMailboxSyncLock>(),
        new MailImportOptions { BatchSize = batchSize }, _s.Services.Get<Digima.Core.LiveUpdates.ILiveEvents>(),
        _s.Services.Get<Digima.Core.Awaiting.Notices.NotifyCustomerRepliesCommand>(), _s.Services.Clock, _s.Services.Get<Microsoft.Extensions.Localization.IStringLocalizer<Digima.Core.Resources.CoreMessages>>(), NullLogger<SyncMailboxCommand>.Instance);

    /// <summary>The real server, whose connection breaks after some body (or summary) fetches.</summary>
    private sealed class CuttingServer(IMailImportServer inner, int bodyFetchesBeforeCut) : IMailImportServer
    {
        public int SummaryFetchesBeforeCut { get; init; } = int.MaxValue;

        public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken) =>
            new Session(await inner.ConnectAsync(mailbox, cancellationToken), bodyFetchesBeforeCut, SummaryFetchesBeforeCut);

        private sealed class Session(IMailImportSession inner, int left, int summariesLeft) : IMailImportSession
        {
            public Task<MailFolderState?> OpenAsync(ImportFolder folder, CancellationToken c) => inner.OpenAsync(folder, c);

            public Task<IReadOnlyList<ServerFolder>> ListFoldersAsync(CancellationToken c) => inner.ListFoldersAsync(c);

            public Task<IReadOnlyList<uint>> SearchSinceAsync(DateTimeOffset since, CancellationToken c) => inner.SearchSinceAsync(since, c);

            public Task<IReadOnlyList<uint>> SearchAfterAsync(uint lastUid, CancellationToken c) => inner.SearchAfterAsync(lastUid, c);

            public Task<IReadOnlyList<uint>> SearchExchangedWithAsync(string? address, DateTimeOffset since, CancellationToken c) => inner.SearchExchangedWithAsync(address, since, c);

            public async Task<IReadOnlyList<MailSummary>> FetchSummariesAsync(IReadOnlyList<uint> uids, CancellationToken c)
            {
                if (summariesLeft-- <= 0)
                {
                    await inner.DisposeAsync();
                    throw new MailImportException("The connection was cut.");
                }

                return await inner.FetchSummariesAsync(uids, c);
            }

            public async Task<MailBodies> FetchBodiesAsync(IReadOnlyList<uint> uids, CancellationToken c)
            {
                if (left-- <= 0)
                {
                    // What a dropped connection looks like to the use case.
                    await inner.DisposeAsync();
                    throw new MailImportException("The connection was cut.");
                }

                return await inner.FetchBodiesAsync(uids, c);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
