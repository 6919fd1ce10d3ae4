using Dapper;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Digima.Benchmarks.Import;
using Npgsql;

namespace Digima.Benchmarks.Scheduling;

/// <summary>What the engine did, read back from the outbox, and what reached Dovecot.</summary>
internal static class ScheduleReport
{
    public sealed record Engine(int Sent, int Other, TimeSpan P50, TimeSpan P99, TimeSpan Max, TimeSpan Span)
    {
        public double PerSecond => Sent / Math.Max(Span.TotalSeconds, 0.001);

        public override string ToString() =>
            $"{Sent:N0} sent ({Other} not), lateness p50 {P50.TotalSeconds:F2} s, p99 {P99.TotalSeconds:F2} s, max {Max.TotalSeconds:F2} s; "
            + $"due to last accepted {Span.TotalSeconds:F2} s = {PerSecond:F1}/s";
    }

    public sealed record Deliveries(int Distinct, int Duplicates);

    /// <summary>Lateness of each mail: SMTP acceptance minus the scheduled time.</summary>
    public static async Task<Engine> EngineAsync(NpgsqlDataSource db, DateTimeOffset due)
    {
        const string sql = """
            SELECT EXTRACT(EPOCH FROM smtp_accepted_at - scheduled_at)::float8 AS late
            FROM outgoing_mails WHERE status = 'sent' AND scheduled_at = @due ORDER BY 1
            """;
        await using var connection = await db.OpenConnectionAsync();
        var late = (await connection.QueryAsync<double>(sql, new { due })).ToList();
        var other = await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM outgoing_mails WHERE status <> 'sent'");
        TimeSpan At(double q) => late.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(late[Math.Min(late.Count - 1, (int)Math.Ceiling(q * late.Count) - 1)]);
        return new Engine(late.Count, other, At(0.50), At(0.99), At(1.0), At(1.0));
    }

    /// <summary>Message-IDs with <paramref name="prefix"/> in the customers' inboxes (the warm-up's
    /// and the measured round's): how many, how many twice.</summary>
    public static async Task<Deliveries> DeliveryCountsAsync(IEnumerable<string> inboxes, string prefix)
    {
        var counts = new Dictionary<string, int>();
        foreach (var address in inboxes)
        {
            using var imap = new ImapClient();
            await imap.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.ImapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync(address, BenchEnvironment.Password);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            if (imap.Inbox.Count > 0)
            {
                foreach (var summary in await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope))
                {
                    if (summary.Envelope?.MessageId is { } id && id.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        counts[id] = counts.GetValueOrDefault(id) + 1;
                    }
                }
            }

            await imap.DisconnectAsync(true);
        }

        return new Deliveries(counts.Count, counts.Values.Sum(c => c - 1));
    }

    public static void Print(ScheduleOptions options, BenchAuth auth, Engine engine, PlainMailKitLoop.Result loop, Deliveries deliveries)
    {
        var ratio = engine.PerSecond / (loop.Count / loop.Elapsed.TotalSeconds);
        Console.WriteLine();
        Console.WriteLine($"| measure ({options.Mails:N0} mails after {options.Warmup:N0} warm-up, {options.Reps} reps logging in with {auth.Name()}, {options.Threads} threads) | result | goal |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| lateness p50 | {engine.P50.TotalSeconds:F2} s | |");
        Console.WriteLine($"| lateness p99 | {engine.P99.TotalSeconds:F2} s | <= 5 s |");
        Console.WriteLine($"| lateness max | {engine.Max.TotalSeconds:F2} s | |");
        Console.WriteLine($"| engine throughput (due to last accepted) | {engine.PerSecond:F1}/s | |");
        Console.WriteLine($"| plain MailKit loop, one connection | {loop.Count / loop.Elapsed.TotalSeconds:F1}/s | |");
        Console.WriteLine($"| engine / loop | {ratio:F2}x | >= 0.5x |");
        Console.WriteLine($"| delivered to Dovecot (distinct Message-IDs, warm-up included) | {deliveries.Distinct:N0} of {engine.Sent + options.Warmup:N0} | all |");
        Console.WriteLine($"| duplicates | {deliveries.Duplicates} | 0 |");
    }

    /// <summary>Token handling must add nothing per mail once a token is cached: each login's
    /// figures against the password's, measured in the same run.</summary>
    public static void PrintComparison(IReadOnlyList<(BenchAuth Auth, Engine Engine)> results)
    {
        var (_, password) = results[0];
        Console.WriteLine();
        Console.WriteLine("| login | lateness p50 | lateness p99 | throughput | / password | goal |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (auth, engine) in results)
        {
            var ratio = engine.PerSecond / password.PerSecond;
            Console.WriteLine($"| {auth.Name()} | {engine.P50.TotalSeconds:F2} s | {engine.P99.TotalSeconds:F2} s | {engine.PerSecond:F1}/s | {ratio:F2}x | {(auth == BenchAuth.Password ? "" : ratio >= 0.9 ? "within 10%: met" : "within 10%: NOT met")} |");
        }
    }
}
