using System.Diagnostics;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.MailImport;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Import;

/// <summary>`./digima bench import`: a rep's mailbox on the local Dovecot, imported through
/// SyncMailboxCommand as the app runs it (same DI, same options but the first-sync window);
/// mbsync copying the same INBOX as the reference; unchanged re-syncs; and delivery-to-stored
/// latency through the app's IDLE watcher.</summary>
internal static partial class ImportBenchmark
{
    private const string DatabaseName = "digima_bench_import";
    private const string Rep = "rep@digima.test";
    private const int Customers = 200;
    private const int Seed = 20261128;

    public static async Task RunAsync(ImportOptions options)
    {
        var total = Stopwatch.StartNew();
        var phases = options.Phases ? new ImportPhases() : null;
        await using var provider = BuildServices(await CreateDatabaseAsync(), phases, options.BatchSize, options.Auths);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var db = provider.GetRequiredService<NpgsqlDataSource>();
        var (rep, customers) = await SeedAsync(db);
        var auths = options.Auths;
        await UseAsync(provider, rep, auths[0]);
        if (options.BackfillOnly)
        {
            await RunBackfillAsync(provider, db, options);
            return;
        }

        var clock = Stopwatch.StartNew();
        var fixtures = new MailFixtures(Rep, customers, Seed).Generate(options.Messages, DateTimeOffset.UtcNow);
        var (inbox, sent) = await FixtureUpload.AppendAsync(Rep, fixtures);
        Log($"appended {inbox:N0} to INBOX and {sent:N0} to Sent with MULTIAPPEND: {clock.Elapsed.TotalSeconds:F1} s");

        var inboxBytes = await InboxBytesAsync();

        // Rounds, alternating which goes first, so none always meets the machine in the same
        // state. Each import starts from nothing: no rows, no cursor, no kept connection.
        // Round 1 is the import's first run in this process (code not yet JIT-compiled) and is
        // reported apart; the medians are over the later rounds, as the app server runs after
        // its first sync. With two logins, each round imports with both (switching the saved
        // mailbox between them outside the timed part).
        var rounds = new List<ImportReport.Round>();
        var imports = auths.ToDictionary(a => a, _ => new List<ImportReport.FirstImport>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            var importFirst = round % 2 == 1;
            var mbsync = importFirst ? null : await MbsyncOnceAsync();
            foreach (var auth in importFirst ? auths : auths.Reverse())
            {
                if (auths.Count > 1)
                {
                    await UseAsync(provider, rep, auth);
                    // Connecting runs the connection test and makes the provider write its grant:
                    // that work ends before the clock starts, on a machine of two cores.
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }

                imports[auth].Add(await ImportOnceAsync(provider, db, rep.Id, phases, auth));
            }

            mbsync ??= await MbsyncOnceAsync();
            rounds.Add(new ImportReport.Round(round, imports[auths[0]][^1], mbsync));
        }

        var resyncs = new Dictionary<BenchAuth, Latencies>();
        foreach (var auth in auths)
        {
            await UseAsync(provider, rep, auth);
            resyncs[auth] = await ResyncAsync(provider, rep.Id, options.Resyncs);
        }

        var commands = await CountCommandsAsync(provider, rep, warmSyncs: 10);
        Log($"unchanged sync, new connection: {string.Join(", ", commands.Cold)}");
        Log($"unchanged sync, kept connection: {string.Join(", ", commands.Warm)} ({commands.WarmTotal} commands in {commands.WarmSyncs} syncs)");

        var idle = new Dictionary<BenchAuth, IdleLatency.Result>();
        foreach (var auth in auths)
        {
            await UseAsync(provider, rep, auth);
            idle[auth] = await MeasureIdleAsync(provider, db, rep, customers[0], options.Deliveries);
        }

        await UseAsync(provider, rep, auths[0]);
        var spread = await CompareFolderSpreadAsync(provider, db, rep.Id, options.Rounds);

        await ImportReport.PrintAsync(db, options, rounds, inboxBytes, resyncs[auths[0]], commands, idle[auths[0]], total.Elapsed);
        ImportReport.PrintFolderSpread(spread);
        if (options.BackfillMessages > 0)
        {
            await RunBackfillAsync(provider, db, options);
        }

        if (auths.Count > 1)
        {
            ImportReport.PrintComparison(auths.Select(a => new ImportReport.ByLogin(a, imports[a], resyncs[a], idle[a])).ToList());
        }
    }

    private static Task RunBackfillAsync(IServiceProvider provider, NpgsqlDataSource db, ImportOptions options) =>
        BackfillBenchmark.RunAsync(provider, db, options.BackfillMessages, user => ConnectMailboxAsync(provider, user, BenchEnvironment.ImapPort));

    private static async Task<ImportReport.FirstImport> ImportOnceAsync(IServiceProvider provider, NpgsqlDataSource db, long userId, ImportPhases? phases, BenchAuth auth)
    {
        await ResetImportAsync(provider, db, userId);
        phases?.Start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var first = await SyncAsync(provider, userId);
        var elapsed = clock.Elapsed;
        var import = new ImportReport.FirstImport(first, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, await CountRowsAsync(db, userId));
        Log($"first import ({auth.Name()}): {first.Outcome} {import.Seen:N0} seen, {first.Imported:N0} imported in {elapsed.TotalSeconds:F2} s ({import.Rate:N0} msg/s, this process's CPU {import.Cpu.TotalSeconds:F2} s) {first.Error}");
        foreach (var line in phases?.Report() ?? [])
        {
            Console.WriteLine(line);
        }

        return import;
    }

    private static async Task<MbsyncReference.Result> MbsyncOnceAsync()
    {
        var mbsync = await MbsyncReference.RunAsync(Rep, TimeSpan.FromMinutes(5));
        Log($"mbsync: {mbsync.Messages:N0} messages, {mbsync.Bytes / 1e6:F1} MB in {mbsync.Elapsed.TotalSeconds:F2} s ({mbsync.Rate:N0} msg/s)");
        return mbsync;
    }

    /// <summary>Forgets every import of the rep (rows, cursors, status) and its kept connection:
    /// the next sync is a first import again.</summary>
    private static async Task ResetImportAsync(IServiceProvider provider, NpgsqlDataSource db, long userId)
    {
        await provider.GetRequiredKeyedService<MailSessionPool<ImapClient>>(MailSessionPools.Import).CloseAllAsync();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            DELETE FROM imported_mails WHERE user_id = @userId;
            DELETE FROM mail_import_cursors WHERE user_id = @userId;
            DELETE FROM mail_import_skipped WHERE user_id = @userId;
            DELETE FROM mail_import_status WHERE user_id = @userId;
            UPDATE customers SET last_action_type = NULL, last_action_at = NULL, first_contact_at = NULL, last_contact_at = NULL
            WHERE owner_user_id = @userId;
            """, new { userId });
        await connection.ExecuteAsync("VACUUM ANALYZE imported_mails");
    }

    /// <summary>What the server holds in INBOX (RFC822.SIZE summed), to check mbsync's copy against.</summary>
    private static async Task<long> InboxBytesAsync()
    {
        using var client = new ImapClient();
        await client.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(Rep, BenchEnvironment.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var sizes = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Size);
        await client.DisconnectAsync(true);
        return sizes.Sum(s => (long)(s.Size ?? 0));
    }

    private static async Task<MailboxSyncResult> SyncAsync(IServiceProvider provider, long userId)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyncMailboxCommand>().SyncAsync(userId, CancellationToken.None);
    }

    /// <summary>Unchanged syncs with the mailbox pointed at the counting relay, then back: the first
    /// on a new connection (the saved settings changed, so the kept one does not fit), the others
    /// on the connection it leaves behind.</summary>
    private static async Task<ImportReport.Commands> CountCommandsAsync(IServiceProvider provider, CurrentUser rep, int warmSyncs)
    {
        await using var counter = new ImapCommandCounter();
        counter.Start();
        await ConnectMailboxAsync(provider, rep, counter.Port);
        try
        {
            await CountedSyncAsync();
            var cold = counter.Commands;
            counter.Clear();
            for (var i = 0; i < warmSyncs; i++)
            {
                await CountedSyncAsync();
            }

            var warm = counter.Commands;
            return new ImportReport.Commands(cold, warm.Take(warm.Count / warmSyncs).ToList(), warm.Count, warmSyncs);
        }
        finally
        {
            // The counting relay takes the password only; the commands after login are the same.
            await ConnectMailboxAsync(provider, rep, BenchEnvironment.ImapPort);
        }

        async Task CountedSyncAsync()
        {
            var result = await SyncAsync(provider, rep.Id);
            if (result.Outcome != MailboxSyncOutcome.Synced || result.Folders.Any(f => !f.Unchanged))
            {
                Log($"warning: the counted sync was not an unchanged one ({result.Outcome})");
            }
        }
    }

    private static async Task<IdleLatency.Result> MeasureIdleAsync(
        IServiceProvider provider, NpgsqlDataSource db, CurrentUser rep, string customer, int count)
    {
        using var stop = new CancellationTokenSource();
        var watcher = provider.GetRequiredService<MailboxIdleWatcher>();
        var watching = Task.Run(() => watcher.WatchAsync(rep.Id, stop.Token));
        // The watcher syncs once (unchanged), logs in and enters IDLE: well under this.
        await Task.Delay(TimeSpan.FromSeconds(3));
        try
        {
            return await IdleLatency.MeasureAsync(db, rep.Id, Rep, customer, count);
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }
    }

    private static async Task<(CurrentUser Rep, IReadOnlyList<string> Customers)> SeedAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (email, display_name, role, password_hash) VALUES (@Rep, '営業 太郎', 'rep', 'not-used') RETURNING id", new { Rep });
        var emails = Enumerable.Range(0, Customers).Select(i => $"tanaka{i}@client{i % 40}.example.co.jp").ToList();
        await connection.ExecuteAsync(
            "INSERT INTO customers (last_name, first_name, email, company, owner_user_id) VALUES (@Last, '花子', @Email, @Company, @Owner)",
            emails.Select((e, i) => new { Last = "田中" + i, Email = e, Company = $"株式会社クライアント{i % 40}", Owner = id }));
        return (new CurrentUser(id, Rep, "営業 太郎", UserRole.Rep, "Asia/Tokyo", "ja"), emails);
    }

    private static async Task<Latencies> ResyncAsync(IServiceProvider provider, long userId, int count)
    {
        var resyncs = new Latencies();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var again = await SyncAsync(provider, userId);
            resyncs.Add(Stopwatch.GetElapsedTime(start), $"{again.Outcome} imported {again.Imported}");
        }

        return resyncs;
    }

    private static Task UseAsync(IServiceProvider provider, CurrentUser rep, BenchAuth auth) =>
        auth == BenchAuth.OAuth2 ? BenchOAuth.ConnectAsync(provider, rep) : ConnectMailboxAsync(provider, rep, BenchEnvironment.ImapPort);

    private static async Task ConnectMailboxAsync(IServiceProvider provider, CurrentUser rep, int imapPort)
    {
        await using var scope = provider.CreateAsyncScope();
        var server = (int port) => new MailServerInput
        {
            Host = BenchEnvironment.MailHost, Port = port, Security = MailSecurity.None, UserName = rep.Email, Password = BenchEnvironment.Password,
        };
        var input = new MailboxInput
        {
            Smtp = server(BenchEnvironment.SmtpPort), Imap = server(imapPort),
            SenderName = rep.DisplayName, SenderAddress = rep.Email, SaveCopyToSent = true, SentFolderName = "Sent",
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<SaveMailboxSettingsCommand>().SaveAsync(rep, input, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Mailbox setup failed: " + string.Join("; ", outcome.Errors));
        }
    }

    private static async Task<ImportReport.Rows> CountRowsAsync(NpgsqlDataSource db, long userId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<ImportReport.Rows>("""
            SELECT (SELECT count(*) FROM imported_mails WHERE user_id = @userId) AS Mails,
                   (SELECT count(*) FROM imported_mail_customers c JOIN imported_mails m ON m.id = c.mail_id WHERE m.user_id = @userId) AS CustomerLinks,
                   (SELECT count(*) FROM imported_mails WHERE user_id = @userId AND body_html IS NOT NULL) AS WithHtml
            """, new { userId });
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var admin = BenchEnvironment.Database;
        return await BenchDatabase.RecreateAsync(admin, DatabaseName);
    }

    private static ServiceProvider BuildServices(string connectionString, ImportPhases? phases, int? batchSize, IReadOnlyList<BenchAuth> auths)
    {
        var settings = new Dictionary<string, string?>(auths.Contains(BenchAuth.OAuth2) ? BenchOAuth.Settings() : [])
        {
            // The fixtures span the last 29 days; everything else stays at the app's defaults.
            ["Digima:MailImport:FirstSyncDays"] = "60",
            ["Digima:MailImport:ScheduleEnabled"] = "false",
        };
        if (batchSize is { } size)
        {
            // Only with --batch (a trial of another size).
            settings["Digima:MailImport:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return BenchServices.Build(connectionString, settings, services => phases?.Register(services));
    }

}
