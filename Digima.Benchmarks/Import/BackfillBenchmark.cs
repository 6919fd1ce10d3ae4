using System.Diagnostics;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Backfill;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Import;

/// <summary>The backfill of one new customer across a large mailbox (decision 0027), through
/// RunMailBackfillCommand as the worker runs it: the server searches (UID SEARCH SINCE .. FROM/TO/CC/BCC),
/// and only the messages found are read. The baseline, in the same run and through the same code
/// and store, is the naive full scan: every message of the window's summaries fetched and matched
/// in the client (the search replaced by SEARCH SINCE alone).</summary>
internal static class BackfillBenchmark
{
    private const string User = "backfill@digima.test";
    private const int Prospects = 1_000;

    public static async Task RunAsync(IServiceProvider provider, NpgsqlDataSource db, int messages, Func<CurrentUser, Task> connect)
    {
        var user = await SeedUserAsync(db);
        await connect(user);
        // Addresses the mailbox exchanged mail with, none of them a customer yet: each sample
        // registers one (about messages / 2 / Prospects mails each) and backfills it.
        var prospects = Enumerable.Range(0, Prospects).Select(i => $"prospect{i}@lead{i % 50}.example.jp").ToList();
        var clock = Stopwatch.StartNew();
        var (inbox, sent) = await FixtureUpload.AppendAsync(User, new MailFixtures(User, prospects, 20261208).Generate(messages, DateTimeOffset.UtcNow));
        Log($"backfill mailbox: appended {inbox:N0} to INBOX and {sent:N0} to Sent in {clock.Elapsed.TotalSeconds:F1} s");

        // As in the app: a connected mailbox has had its first sync (every summary of the window
        // read, none of it customer mail yet) before a customer is added.
        clock.Restart();
        await using (var scope = provider.CreateAsyncScope())
        {
            var synced = await scope.ServiceProvider.GetRequiredService<SyncMailboxCommand>().SyncAsync(user.Id, CancellationToken.None);
            Log($"backfill mailbox: first sync {synced.Outcome}, {synced.Folders.Sum(f => f.Seen):N0} seen, {synced.Imported} imported in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var searched = new Latencies();
        var first = TimeSpan.Zero;
        var imported = 0;
        for (var i = 0; i < 21; i++)
        {
            var (elapsed, count) = await BackfillOnceAsync(provider, db, user.Id, prospects[i], fullScan: false);
            imported += count;
            if (i == 0)
            {
                // The server's first search of the folders reads every message's headers into its cache.
                first = elapsed;
                Log($"server-side search, first (cold server cache): {elapsed.TotalMilliseconds:F0} ms, {count} imported");
            }
            else
            {
                searched.Add(elapsed, $"{prospects[i]} ({count} imported)");
            }
        }

        var scanned = new Latencies();
        for (var i = 21; i < 24; i++)
        {
            var (elapsed, count) = await BackfillOnceAsync(provider, db, user.Id, prospects[i], fullScan: true);
            scanned.Add(elapsed, $"{prospects[i]} ({count} imported)");
        }

        Console.WriteLine();
        Console.WriteLine($"## Backfill of one new customer across {messages:N0} messages (INBOX {inbox:N0}, Sent {sent:N0})");
        Console.WriteLine($"server-side search: {searched.Count} customers, {imported / 21.0:F1} mails imported each on average");
        Console.WriteLine($"  p50 {searched.Percentile(50):F0} ms, p95 {searched.Percentile(95):F0} ms, max {searched.Max:F0} ms (first, cold cache: {first.TotalMilliseconds:F0} ms)");
        Console.WriteLine($"naive full scan (every summary fetched, matched in the client): {scanned.Count} customers");
        Console.WriteLine($"  p50 {scanned.Percentile(50):F0} ms, p95 {scanned.Percentile(95):F0} ms, max {scanned.Max:F0} ms");
    }

    private static async Task<(TimeSpan Elapsed, int Imported)> BackfillOnceAsync(IServiceProvider provider, NpgsqlDataSource db, long userId, string address, bool fullScan)
    {
        var customerId = await RegisterAsync(db, address);
        await using var scope = provider.CreateAsyncScope();
        var command = fullScan
            ? ActivatorUtilities.CreateInstance<RunMailBackfillCommand>(scope.ServiceProvider, new FullScanServer(scope.ServiceProvider.GetRequiredService<IMailImportServer>()))
            : scope.ServiceProvider.GetRequiredService<RunMailBackfillCommand>();
        // Not taken from the queue: the queue's own cost is a few milliseconds, and the triggers
        // also queued this customer for the other mailbox of the benchmark.
        var request = new MailBackfillRequest(0, userId, customerId, address, null);
        var clock = Stopwatch.StartNew();
        var outcome = await command.RunAsync([request], CancellationToken.None);
        var elapsed = clock.Elapsed;
        await using var connection = await db.OpenConnectionAsync();
        var imported = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM imported_mail_customers c JOIN imported_mails m ON m.id = c.mail_id WHERE m.user_id = @userId AND c.customer_id = @customerId",
            new { userId, customerId });
        await connection.ExecuteAsync("DELETE FROM mail_backfills");
        if (outcome != MailBackfillOutcome.Done || imported == 0)
        {
            Log($"warning: backfill of {address}: {outcome}, {imported} imported");
        }

        return (elapsed, imported);
    }

    private static async Task<long> RegisterAsync(NpgsqlDataSource db, string address)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO customers (last_name, first_name, email, company) VALUES ('見込', '客', @address, '株式会社リード') RETURNING id", new { address });
    }

    private static async Task<CurrentUser> SeedUserAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (email, display_name, role, password_hash) VALUES (@User, '営業 次郎', 'rep', 'not-used') RETURNING id", new { User });
        return new CurrentUser(id, User, "営業 次郎", UserRole.Rep, "Asia/Tokyo", "ja");
    }

    /// <summary>The naive backfill: the search names no address, so every message of the window
    /// is read as a summary and matched against the customers in the client.</summary>
    private sealed class FullScanServer(IMailImportServer inner) : IMailImportServer
    {
        public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken) =>
            new Session(await inner.ConnectAsync(mailbox, cancellationToken));

        private sealed class Session(IMailImportSession inner) : IMailImportSession
        {
            public Task<MailFolderState?> OpenAsync(ImportFolder folder, CancellationToken c) => inner.OpenAsync(folder, c);

            public Task<IReadOnlyList<ServerFolder>> ListFoldersAsync(CancellationToken c) => inner.ListFoldersAsync(c);

            public Task<IReadOnlyList<uint>> SearchSinceAsync(DateTimeOffset since, CancellationToken c) => inner.SearchSinceAsync(since, c);

            public Task<IReadOnlyList<uint>> SearchExchangedWithAsync(string? address, DateTimeOffset since, CancellationToken c) => inner.SearchSinceAsync(since, c);

            public Task<IReadOnlyList<uint>> SearchAfterAsync(uint lastUid, CancellationToken c) => inner.SearchAfterAsync(lastUid, c);

            public Task<IReadOnlyList<MailSummary>> FetchSummariesAsync(IReadOnlyList<uint> uids, CancellationToken c) => inner.FetchSummariesAsync(uids, c);

            public Task<MailBodies> FetchBodiesAsync(IReadOnlyList<uint> uids, CancellationToken c) => inner.FetchBodiesAsync(uids, c);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
