using System.Diagnostics;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using Digima.Benchmarks.Timeline;
using Digima.Core.Accounts;
using Digima.Core.Awaiting;
using Digima.Core.Common;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Ageing;

/// <summary>`./digima bench ageing`: the 返信待ち page and chips at a million mails and 100,000
/// customers (the timeline benchmark's data, ending now), through the use cases the pages call,
/// against the naive NOT EXISTS over all mail in the same run; and, with the dashboard, its
/// queries over 90 days (<see cref="DashboardCases"/>).</summary>
internal static class AgeingBenchmark
{
    private const string DatabaseName = "digima_bench_ageing";
    private const int Seed = 20261208;

    public static async Task RunAsync(AgeingOptions options, string[] args)
    {
        var total = Stopwatch.StartNew();
        var command = string.Join(' ', ["./digima bench ageing", .. args]);
        var loadAtStart = BenchMachine.LoadAverage();
        var startedAt = DateTime.UtcNow;
        Log($"{command}; load average {loadAtStart}; {BenchMachine.Describe()}");
        var admin = Environment.GetEnvironmentVariable("DIGIMA_BENCH_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("DIGIMA_BENCH_DB is not set: run `./digima bench ageing`, which starts the servers.");
        await using var provider = BenchServices.Build(await BenchDatabase.RecreateAsync(admin, DatabaseName));
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

        // The newest mail is now, so ages are days to months and a 90-day period is full of mail.
        var now = DateTime.UtcNow;
        var shape = new TimelineBulkLoad.MailShape(options.Mails, Math.Max(2, options.Mails / 100), options.Customers, options.Reps, default);
        shape = shape with { Start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc) - shape.Span };
        var clock = Stopwatch.StartNew();
        await TimelineBulkLoad.LoadAsync(dataSource, shape, Log);
        var loadTime = clock.Elapsed;
        clock.Restart();
        await ReplyStateFill.RunAsync(dataSource, Log);
        await DashboardFill.RunAsync(dataSource, Log);
        var fillTime = clock.Elapsed;

        var keys = await WaitingKeys.LoadAsync(dataSource);
        var manager = new CurrentUser(1, "rep1@bench.test", "営業 1", UserRole.Manager, "Asia/Tokyo", "ja");
        var reps = Enumerable.Range(1, options.Reps)
            .Select(i => new CurrentUser(i, $"rep{i}@bench.test", $"営業 {i}", UserRole.Rep, "Asia/Tokyo", "ja")).ToList();
        var data = await DescribeDataAsync(dataSource, options, keys, reps);
        Log(data);

        using var scope = provider.CreateScope();
        await ConsistencyCheck.RunAsync(dataSource, scope.ServiceProvider.GetRequiredService<ListAwaitingReplyQuery>(), keys, manager, reps[0], Log);
        await NaiveAwaiting.PrintPlanAsync(dataSource, keys.Everyone.Count * 8 / 10, ListAwaitingReplyQuery.PageSize);

        var cases = new AwaitingCases(scope.ServiceProvider, keys, reps, manager, options.Customers, Seed);
        var product = new List<(QueryCase, Latencies)>();
        foreach (var query in cases.Product())
        {
            product.Add((query, await query.TimeAsync(Math.Max(10, options.Rounds / 10), options.Rounds)));
            Log($"{query.Name}: p95 {product[^1].Item2.Percentile(95):F2} ms");
        }

        foreach (var query in DashboardCases.Build(scope.ServiceProvider, manager, reps, shape.Start + shape.Span))
        {
            product.Add((query, await query.TimeAsync(3, options.DashboardRounds)));
            Log($"{query.Name}: p95 {product[^1].Item2.Percentile(95):F2} ms");
        }

        var naive = new List<(QueryCase, Latencies)>();
        foreach (var query in cases.Naive(dataSource).Append(DashboardCases.NaiveReplied(scope.ServiceProvider, dataSource, shape.Start + shape.Span)))
        {
            naive.Add((query, await query.TimeAsync(1, options.BaselineRounds)));
            Log($"{query.Name}: p50 {naive[^1].Item2.Percentile(50):F0} ms");
        }

        await AgeingReport.PrintAsync(dataSource, new AgeingRun(command, startedAt, loadAtStart, data, loadTime, fillTime, total.Elapsed), product, naive);
    }

    private static async Task<string> DescribeDataAsync(NpgsqlDataSource dataSource, AgeingOptions options, WaitingKeys keys, IReadOnlyList<CurrentUser> reps)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var mails = await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM outgoing_mails) + (SELECT count(*) FROM imported_mails)");
        var perRep = reps.Select(r => keys.Of(r.Id).Count).ToList();
        return $"{mails:N0} mails, {options.Customers:N0} customers, {reps.Count} reps; {keys.Everyone.Count:N0} customers waiting "
            + $"({perRep.Min():N0}-{perRep.Max():N0} a rep); page size {ListAwaitingReplyQuery.PageSize}";
    }
}
