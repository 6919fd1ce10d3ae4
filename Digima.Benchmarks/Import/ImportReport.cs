using System.Globalization;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using Digima.Core.MailImport;
using Npgsql;

namespace Digima.Benchmarks.Import;

/// <summary>Prints what docs/benchmarks.md records: the machine, the table, the goals.</summary>
internal static class ImportReport
{
    public sealed record Rows(long Mails, long CustomerLinks, long WithHtml);

    /// <param name="Cpu">CPU time of this process (the app's side) during the import.</param>
    public sealed record FirstImport(MailboxSyncResult Result, TimeSpan Elapsed, TimeSpan Cpu, Rows Rows)
    {
        public int Seen => Result.Folders.Sum(f => f.Seen);

        public double Rate => Seen / Elapsed.TotalSeconds;
    }

    public sealed record Round(int Number, FirstImport Import, MbsyncReference.Result Mbsync)
    {
        public double Ratio => Import.Rate / Mbsync.Rate;
    }

    /// <param name="Cold">Every command of an unchanged sync on a new connection, login included.</param>
    /// <param name="Warm">The commands of one unchanged sync on the kept connection.</param>
    public sealed record Commands(IReadOnlyList<string> Cold, IReadOnlyList<string> Warm, int WarmTotal, int WarmSyncs)
    {
        public double WarmPerSync => (double)WarmTotal / WarmSyncs;
    }

    public static async Task PrintAsync(
        NpgsqlDataSource db, ImportOptions options, IReadOnlyList<Round> rounds, long inboxBytes, Latencies resyncs,
        Commands commands, IdleLatency.Result idle, TimeSpan elapsed)
    {
        await using var connection = await db.OpenConnectionAsync();
        var c = CultureInfo.InvariantCulture;
        var warm = rounds.Skip(1).ToList();
        var import = Median(warm.Select(r => r.Import.Rate));
        var mbsync = Median(warm.Select(r => r.Mbsync.Rate));
        var ratio = import / mbsync;
        var cold = rounds[0];
        Console.WriteLine();
        Console.WriteLine($"date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        Console.WriteLine($"machine: {BenchMachine.Describe()}; load average now {BenchMachine.LoadAverage()}");
        Console.WriteLine($"server: {await connection.ExecuteScalarAsync<string>("SELECT version()")}; {rounds[0].Mbsync.Version}");
        Console.WriteLine($"messages: {options.Messages:N0}; rounds: {options.Rounds}; re-syncs: {options.Resyncs}; deliveries: {options.Deliveries}");
        Console.WriteLine();
        Console.WriteLine("| round | first | import (INBOX + Sent) | this process's CPU | mbsync (INBOX -> Maildir) | ratio |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var r in rounds)
        {
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2:N0} in {3:F2} s = {4:N0} msg/s | {5:F2} s | {6:N0} in {7:F2} s = {8:N0} msg/s | {9:F2}x |",
                r.Number == 1 ? "1 (fresh process)" : r.Number.ToString(c), r.Number % 2 == 1 ? "import" : "mbsync", r.Import.Seen, r.Import.Elapsed.TotalSeconds, r.Import.Rate, r.Import.Cpu.TotalSeconds,
                r.Mbsync.Messages, r.Mbsync.Elapsed.TotalSeconds, r.Mbsync.Rate, r.Ratio));
        }

        var last = rounds[^1];
        Console.WriteLine();
        Console.WriteLine("| measure | result | goal | met |");
        Console.WriteLine("| --- | ---: | --- | --- |");
        Console.WriteLine(string.Format(c, "| first import, median of rounds 2-{0} | {1:N0} msg/s | | |", rounds.Count, import));
        foreach (var f in last.Import.Result.Folders)
        {
            Console.WriteLine($"| - {f.Kind} (last round) | {f.Seen:N0} seen, {f.Imported:N0} imported, {f.Skipped} skipped | | |");
        }

        Console.WriteLine($"| rows stored (each round) | {last.Import.Rows.Mails:N0} imported_mails ({last.Import.Rows.WithHtml:N0} with HTML), {last.Import.Rows.CustomerLinks:N0} customer links | | |");
        Console.WriteLine(string.Format(c, "| mbsync, median of rounds 2-{0} | {1:N0} msg/s; each copy {2:N0} files, {3:F1} MB (server's INBOX: {4:F1} MB) | | |",
            rounds.Count, mbsync, last.Mbsync.Messages, last.Mbsync.Bytes / 1e6, inboxBytes / 1e6));
        Console.WriteLine(string.Format(c, "| import rate / mbsync (medians of rounds 2-{0}) | {1:F2}x (rounds 2-{0}: {2}) | >= 1.0x | {3} |",
            rounds.Count, ratio, string.Join(", ", warm.Select(r => r.Ratio.ToString("F2", c) + "x")), Met(ratio >= 1.0)));
        Console.WriteLine(string.Format(c, "| - round 1, fresh process | {0:N0} msg/s / {1:N0} msg/s = {2:F2}x | | {3} |",
            cold.Import.Rate, cold.Mbsync.Rate, cold.Ratio, Met(cold.Ratio >= 1.0)));
        Console.WriteLine(string.Format(c, "| unchanged re-sync, kept connection ({0}x) | p50 {1:F1} ms, p95 {2:F1} ms | <= 50 ms | {3} |",
            resyncs.Count, resyncs.Percentile(50), resyncs.Percentile(95), Met(resyncs.Percentile(95) <= 50)));
        Console.WriteLine(string.Format(c, "| IMAP commands, unchanged re-sync on the kept connection | {0:F1} per sync ({1} in {2} syncs): {3} | <= 3 | {4} |",
            commands.WarmPerSync, commands.WarmTotal, commands.WarmSyncs, string.Join(", ", commands.Warm), Met(commands.WarmPerSync <= 3)));
        var afterLogin = ImapCommandCounter.AfterLogin(commands.Cold);
        var (library, engine) = ImapCommandCounter.SplitAfterLogin(afterLogin);
        Console.WriteLine($"| IMAP commands, unchanged sync on a new connection | {commands.Cold.Count} in all: {string.Join(", ", commands.Cold)} | | |");
        Console.WriteLine($"| - after login | {afterLogin.Count}: MailKit's own {library.Count} ({string.Join(", ", library)}) + the engine's {engine.Count} ({string.Join(", ", engine)}) | | |");
        Console.WriteLine(string.Format(c, "| delivery -> stored via IDLE ({0}) | p50 {1:F0} ms, p95 {2:F0} ms, max {3:F0} ms, missed {4} | p95 <= 2 s | {5} |",
            idle.Latencies.Count, idle.Latencies.Percentile(50), idle.Latencies.Percentile(95), idle.Latencies.Max, idle.Missed,
            Met(idle.Missed == 0 && idle.Latencies.Percentile(95) <= 2000)));
        Console.WriteLine();
        Console.WriteLine($"whole run: {elapsed.TotalMinutes:F1} min");
    }

    /// <summary>One login's figures when a run measures both.</summary>
    public sealed record ByLogin(BenchAuth Auth, IReadOnlyList<FirstImport> Imports, Latencies Resyncs, IdleLatency.Result Idle);

    /// <summary>Token handling must add nothing per mail once a token is cached: each login's
    /// figures against the password's, measured in the same run (same rounds, same mbsync).</summary>
    public static void PrintComparison(IReadOnlyList<ByLogin> logins)
    {
        var c = CultureInfo.InvariantCulture;
        double ImportRate(ByLogin l) => Median(l.Imports.Skip(1).Select(i => i.Rate));
        var password = logins[0];
        Console.WriteLine();
        Console.WriteLine("| login | first import, rounds 2+ (median) | each round | unchanged re-sync p50 / p95 | IDLE delivery -> stored p50 / p95 | import / password |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: |");
        foreach (var l in logins)
        {
            var ratio = ImportRate(l) / ImportRate(password);
            Console.WriteLine(string.Format(c, "| {0} | {1:N0} msg/s | {2} | {3:F1} / {4:F1} ms | {5:F0} / {6:F0} ms (missed {7}) | {8:F2}x{9} |",
                l.Auth.Name(), ImportRate(l), string.Join(", ", l.Imports.Select(i => i.Elapsed.TotalSeconds.ToString("F2", c) + " s")),
                l.Resyncs.Percentile(50), l.Resyncs.Percentile(95), l.Idle.Latencies.Percentile(50), l.Idle.Latencies.Percentile(95), l.Idle.Missed,
                ratio, l == password ? "" : ratio >= 0.9 ? " (within 10%: met)" : " (within 10%: NOT met)"));
        }
    }

    /// <summary>The same messages imported from two folders and from four (B5's goal: four not below
    /// 0.9x two, per message).</summary>
    public sealed record FolderSpread(IReadOnlyList<FirstImport> Two, IReadOnlyList<FirstImport> Four)
    {
        public double TwoRate => Median(Two.Select(i => i.Rate));

        public double FourRate => Median(Four.Select(i => i.Rate));
    }

    public static void PrintFolderSpread(FolderSpread spread)
    {
        ArgumentNullException.ThrowIfNull(spread);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        string Runs(IEnumerable<FirstImport> imports) => string.Join(", ", imports.Select(i => $"{i.Seen:N0} in {i.Elapsed.TotalSeconds.ToString("F2", c)} s"));
        Console.WriteLine();
        Console.WriteLine("| folders chosen | runs | median msg/s | vs two folders |");
        Console.WriteLine("|---|---|---:|---:|");
        Console.WriteLine(string.Format(c, "| 2 (INBOX, Sent) | {0} | {1:N0} | 1.00x |", Runs(spread.Two), spread.TwoRate));
        var ratio = spread.FourRate / spread.TwoRate;
        Console.WriteLine(string.Format(c, "| 4 (INBOX, Sent, Archive, Projects) | {0} | {1:N0} | {2:F2}x ({3}) |", Runs(spread.Four), spread.FourRate, ratio, ratio >= 0.9 ? "goal >= 0.9x met" : "goal >= 0.9x NOT met"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Met(bool met) => met ? "met" : "NOT met";
}
