using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Digima.Core.LiveUpdates;
using Digima.Infrastructure.Database;
using Digima.Infrastructure.LiveUpdates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Benchmarks.LiveUpdates;

/// <summary>The live event bus between two nodes on one PostgreSQL: latency from publish on node
/// A to a subscriber on node B (one at a time), and a burst from both nodes with many
/// subscribers per node, filtering by user like the bell does.</summary>
internal static class LiveEventsBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var samples = Int(args, "--samples", 1000);
        var burst = Int(args, "--burst", 5000);
        var subscribers = Int(args, "--subscribers", 500);
        var admin = Environment.GetEnvironmentVariable("DIGIMA_BENCH_DB") ?? throw new InvalidOperationException("DIGIMA_BENCH_DB is not set: run `./digima bench live`.");
        var connectionString = await BenchDatabase.RecreateAsync(admin, "digima_bench_live");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var a = await NodeAsync(connectionString, dataSource);
        var b = await NodeAsync(connectionString, dataSource);

        var received = new ConcurrentDictionary<long, long>();
        using (b.Bus.Subscribe<NotificationCreated>(e => Stamp(received, e.NotificationId)))
        {
            var sent = new long[samples];
            for (var i = 0; i < samples; i++)
            {
                sent[i] = Stopwatch.GetTimestamp();
                await a.Bus.PublishAsync(new NotificationCreated(i, 1), CancellationToken.None);
                await WaitAsync(() => received.ContainsKey(i));
            }

            var latencies = Enumerable.Range(0, samples).Select(i => Stopwatch.GetElapsedTime(sent[i], received[i]).TotalMilliseconds).Order().ToArray();
            Console.WriteLine($"one at a time, A -> B, {samples} events: p50 {P(latencies, 0.5)} ms, p95 {P(latencies, 0.95)} ms, p99 {P(latencies, 0.99)} ms, max {latencies[^1]:F2} ms");
        }

        // Many circuits: each node has `subscribers` bell-like subscriptions, one per user; every
        // event is for one user, so exactly one subscriber per node acts on it.
        var hits = 0;
        var handles = new List<IDisposable>();
        foreach (var node in new[] { a, b })
        {
            for (var user = 0; user < subscribers; user++)
            {
                var id = user;
                handles.Add(node.Bus.Subscribe<NotificationCreated>(e => e.UserId == id ? Task.FromResult(Interlocked.Increment(ref hits)) : Task.CompletedTask));
            }
        }

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, burst, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await (i % 2 == 0 ? a : b).Bus.PublishAsync(new NotificationCreated(i, i % subscribers), ct));
        var published = clock.Elapsed;
        await WaitAsync(() => Volatile.Read(ref hits) >= burst * 2, TimeSpan.FromMinutes(2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"burst: {burst} events from both nodes (8 publishers), {subscribers} subscribers per node: published in {published.TotalSeconds:F2} s, all delivered on both nodes in {clock.Elapsed.TotalSeconds:F2} s ({burst / clock.Elapsed.TotalSeconds:F0} events/s), deliveries {hits} (expected {burst * 2})"));
        handles.ForEach(h => h.Dispose());
        await a.Listener.StopAsync(CancellationToken.None);
        await b.Listener.StopAsync(CancellationToken.None);
    }

    private static Task Stamp(ConcurrentDictionary<long, long> received, long id)
    {
        received.TryAdd(id, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    private static string P(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))].ToString("F2", CultureInfo.InvariantCulture);

    private static async Task WaitAsync(Func<bool> done, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (!done())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("A live event did not arrive.");
            }

            await Task.Yield();
        }
    }

    private static int Int(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static async Task<(ILiveEvents Bus, LiveEventListener Listener)> NodeAsync(string connectionString, NpgsqlDataSource dataSource)
    {
        var hub = new LocalLiveEventHub(NullLogger<LocalLiveEventHub>.Instance);
        var listener = new LiveEventListener(
            Options.Create(new DatabaseOptions { ConnectionString = connectionString }), Options.Create(new LiveUpdatesOptions()), hub, NullLogger<LiveEventListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await listener.WaitListeningAsync(CancellationToken.None);
        return (new PostgresLiveEvents(dataSource, hub, NullLogger<PostgresLiveEvents>.Instance), listener);
    }
}
