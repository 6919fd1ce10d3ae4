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

    public sealed record FirstImport(MailboxSyncResult Result, TimeSpan Elapsed, Rows Rows)
    {
        public int Seen => Result.Folders.Sum(f => f.Seen);

        public double Rate => Seen / Elapsed.TotalSeconds;
    }

    public static async Task PrintAsync(
        NpgsqlDataSource db, ImportOptions options, FirstImport import, MbsyncReference.Result mbsync, Latencies resyncs,
        IReadOnlyList<string> commands, IdleLatency.Result idle, TimeSpan elapsed)
    {
        await using var connection = await db.OpenConnectionAsync();
        var c = CultureInfo.InvariantCulture;
        var mbsyncRate = mbsync.Messages / mbsync.Elapsed.TotalSeconds;
        var ratio = import.Rate / mbsyncRate;
        Console.WriteLine();
        Console.WriteLine($"date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MemoryGiB():F1} GiB, {CpuModel()}");
        Console.WriteLine($"server: {await connection.ExecuteScalarAsync<string>("SELECT version()")}; {mbsync.Version}");
        Console.WriteLine($"messages: {options.Messages:N0}; re-syncs: {options.Resyncs}; deliveries: {options.Deliveries}");
        Console.WriteLine();
        Console.WriteLine("| measure | result | goal | met |");
        Console.WriteLine("| --- | ---: | --- | --- |");
        Console.WriteLine(string.Format(c, "| first import (SyncMailboxCommand, INBOX + Sent) | {0:N0} seen in {1:F1} s = {2:N0} msg/s | | |",
            import.Seen, import.Elapsed.TotalSeconds, import.Rate));
        foreach (var f in import.Result.Folders)
        {
            Console.WriteLine($"| - {f.Kind} | {f.Seen:N0} seen, {f.Imported:N0} imported, {f.Skipped} skipped | | |");
        }

        Console.WriteLine($"| rows stored | {import.Rows.Mails:N0} imported_mails ({import.Rows.WithHtml:N0} with HTML), {import.Rows.CustomerLinks:N0} customer links | | |");
        Console.WriteLine(string.Format(c, "| mbsync INBOX -> Maildir | {0:N0} in {1:F1} s = {2:N0} msg/s | | |", mbsync.Messages, mbsync.Elapsed.TotalSeconds, mbsyncRate));
        Console.WriteLine(string.Format(c, "| import rate / mbsync | {0:F2}x | >= 1.0x | {1} |", ratio, Met(ratio >= 1.0)));
        Console.WriteLine(string.Format(c, "| unchanged re-sync ({0}x) | p50 {1:F1} ms, p95 {2:F1} ms | <= 50 ms | {3} |",
            resyncs.Count, resyncs.Percentile(50), resyncs.Percentile(95), Met(resyncs.Percentile(95) <= 50)));
        Console.WriteLine($"| IMAP commands after login (unchanged) | {commands.Count}: {string.Join(", ", commands)} | <= 3 | {Met(commands.Count <= 3)} |");
        var (library, engine) = ImapCommandCounter.SplitAfterLogin(commands);
        Console.WriteLine($"| - sent by MailKit itself inside AuthenticateAsync | {library.Count}: {string.Join(", ", library)} | | |");
        Console.WriteLine($"| - sent by the engine | {engine.Count}: {string.Join(", ", engine)} | <= 3 | {Met(engine.Count <= 3)} |");
        Console.WriteLine(string.Format(c, "| delivery -> stored via IDLE ({0}) | p50 {1:F0} ms, p95 {2:F0} ms, max {3:F0} ms, missed {4} | p95 <= 2 s | {5} |",
            idle.Latencies.Count, idle.Latencies.Percentile(50), idle.Latencies.Percentile(95), idle.Latencies.Max, idle.Missed,
            Met(idle.Missed == 0 && idle.Latencies.Percentile(95) <= 2000)));
        Console.WriteLine();
        Console.WriteLine($"whole run: {elapsed.TotalMinutes:F1} min");
    }

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static double MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
}
