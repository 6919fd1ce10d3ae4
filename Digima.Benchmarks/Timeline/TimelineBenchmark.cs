using System.Diagnostics;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Timeline;
using Digima.Infrastructure;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Timeline;

/// <summary>`./digima bench timeline`: a million mails, one customer with ten thousand; the
/// timeline's first page, a deep page and a thread, timed through the use cases the profile calls
/// (ListTimelineQuery, GetThreadQuery), against OFFSET paging in the same run.</summary>
internal static class TimelineBenchmark
{
    private const string DatabaseName = "digima_bench_timeline";
    private const int PageSize = 30;
    private const int Seed = 20261127;

    public static async Task RunAsync(TimelineOptions options)
    {
        var total = Stopwatch.StartNew();
        var admin = Environment.GetEnvironmentVariable("DIGIMA_BENCH_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("DIGIMA_BENCH_DB is not set: run `./digima bench timeline`, which starts the servers.");
        var connectionString = await BenchDatabase.RecreateAsync(admin, DatabaseName);
        await using var provider = BuildServices(connectionString);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        var load = Stopwatch.StartNew();
        await TimelineBulkLoad.LoadAsync(dataSource,
            new TimelineBulkLoad.MailShape(options.Mails, options.HotMails, options.Customers, 10, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)), Log);
        Log($"loaded in {load.Elapsed.TotalSeconds:F0} s");

        await using var connection = await dataSource.OpenConnectionAsync();
        var hotRows = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM customer_timeline WHERE customer_id = 1");
        var mails = await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM outgoing_mails) + (SELECT count(*) FROM imported_mails)");
        var keys = (await connection.QueryAsync<(DateTime At, long Id)>(
            "SELECT occurred_at, id FROM customer_timeline WHERE customer_id = 1 ORDER BY occurred_at DESC, id DESC")).ToList();
        Log($"{mails:N0} mails; customer 1 has {hotRows:N0} timeline rows");

        var mailRows = (await connection.QueryAsync<long>("SELECT id FROM customer_timeline WHERE customer_id = 1 AND event_id IS NULL")).ToList();
        var actor = new CurrentUser(1, "rep1@bench.test", "営業 1", UserRole.Manager, "Asia/Tokyo", "ja");
        using var scope = provider.CreateScope();
        var list = scope.ServiceProvider.GetRequiredService<ListTimelineQuery>();
        var thread = scope.ServiceProvider.GetRequiredService<GetThreadQuery>();
        var random = new Random(Seed);

        // Deep pages: the page after a row half way to the end of the customer's mail (5,000 to 9,970 of 10,000).
        var deepest = Math.Min(keys.Count, options.HotMails) - PageSize;
        int DeepOffset() => random.Next(deepest / 2, deepest);
        for (var i = 0; i < 100; i++)
        {
            await list.ListAsync(actor, 1, null, PageSize, CancellationToken.None);
            var at = DeepOffset();
            await list.ListAsync(actor, 1, Key(keys[at]), PageSize, CancellationToken.None);
        }

        var sample = keys[deepest * 3 / 4];
        var sampleThread = await connection.ExecuteScalarAsync<string>(
            "SELECT th.thread_id FROM customer_timeline t JOIN mail_threads th ON th.message_id = t.message_id WHERE t.id = @id", new { id = mailRows[0] });
        await QueryPlans.PrintAsync(dataSource, sample.At, sample.Id, sampleThread!);

        var first = await TimeAsync(options.Samples, _ => list.ListAsync(actor, 1, null, PageSize, CancellationToken.None), Checked);
        var deep = await TimeAsync(options.Samples, _ => list.ListAsync(actor, 1, Key(keys[DeepOffset()]), PageSize, CancellationToken.None), Checked);
        var threads = await TimeAsync(options.Samples, _ => thread.GetAsync(actor, 1, mailRows[random.Next(mailRows.Count)], CancellationToken.None), t => t.Count >= 2);

        var offsetDeep = await BaselineAsync(options.BaselineSamples, () => OffsetBaseline.TimeAsync(dataSource, OffsetBaseline.SameIndex, DeepOffset(), PageSize));
        var unionFirst = await BaselineAsync(options.BaselineSamples, () => OffsetBaseline.TimeAsync(dataSource, OffsetBaseline.Union, 0, PageSize));
        var unionDeep = await BaselineAsync(options.BaselineSamples, () => OffsetBaseline.TimeAsync(dataSource, OffsetBaseline.Union, DeepOffset(), PageSize));

        await TimelineReport.PrintAsync(dataSource, options, mails, hotRows, total.Elapsed,
        [
            ("first page, keyset (ListTimelineQuery)", first),
            ("deep page (after row 5,000-9,970), keyset (ListTimelineQuery)", deep),
            ("thread (GetThreadQuery, threads of 6)", threads),
            ("deep page, OFFSET on the same index", offsetDeep),
            ("first page, OFFSET over outbox ∪ imported", unionFirst),
            ("deep page, OFFSET over outbox ∪ imported", unionDeep),
        ]);
    }

    private static bool Checked(TimelinePage page) => page.Items.Count == PageSize;

    private static TimelinePageKey Key((DateTime At, long Id) row) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(row.At, DateTimeKind.Utc)), row.Id);

    private static async Task<Latencies> TimeAsync<T>(int samples, Func<int, Task<T>> call, Func<T, bool> check)
    {
        var latencies = new Latencies();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await call(i);
            latencies.Add(Stopwatch.GetElapsedTime(start), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!check(result))
            {
                throw new InvalidOperationException("A timeline page came back short.");
            }
        }

        return latencies;
    }

    private static async Task<Latencies> BaselineAsync(int samples, Func<Task<double>> call)
    {
        var latencies = new Latencies();
        for (var i = 0; i < samples; i++)
        {
            latencies.Add(TimeSpan.FromMilliseconds(await call()), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return latencies;
    }

    private static ServiceProvider BuildServices(string connectionString) =>
        BenchServices.Build(connectionString);

}
