using System.Diagnostics;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Infrastructure;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>`./digima bench autocomplete`: a million customers, then the 宛先 search measured
/// through SearchRecipientsQuery, the use case the compose screen calls, resolved from the same
/// DI setup as the app; and a plain ILIKE '%q%' over the same columns as the baseline.</summary>
internal static class AutocompleteBenchmark
{
    private const string DatabaseName = "digima_bench_autocomplete";
    private const int Seed = 20261127;

    public static async Task RunAsync(BenchOptions options)
    {
        var total = Stopwatch.StartNew();
        var connectionString = await CreateDatabaseAsync();
        await using var provider = BuildServices(connectionString);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

        var clock = Stopwatch.StartNew();
        var customers = new CustomerGenerator(Seed).Generate(options.Customers).ToList();
        Log($"generated {customers.Count:N0} customers: {clock.Elapsed.TotalSeconds:F1} s");
        await CustomerBulkLoad.LoadAsync(dataSource, customers, Log);

        var classes = QueryClasses.Build(customers, options.QueriesPerClass, Seed + 1);
        var warmUp = QueryClasses.Build(customers, 100, Seed + 2);
        // A match has no 会社名カナ of its own; the check below looks it up by the company name.
        var companyReadings = customers.DistinctBy(c => c.Company).ToDictionary(c => c.Company, c => c.CompanyKana);
        customers.Clear();
        GC.Collect(); // the generator's garbage, not the search's: keep its collection out of the timings

        // Any user will do: the use case only requires one to be signed in.
        var actor = new CurrentUser(1, "bench@digima.test", "bench", UserRole.Rep, "Asia/Tokyo", "ja");
        using var scope = provider.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchRecipientsQuery>();
        foreach (var query in warmUp.SelectMany(c => c.Queries))
        {
            await search.SearchAsync(actor, query, CancellationToken.None);
        }

        var results = new List<ClassResult>();
        foreach (var queryClass in classes)
        {
            var (latencies, found, wrong) = await MeasureAsync(search, actor, queryClass.Queries, companyReadings);
            var baseline = await IlikeBaseline.MeasureAsync(dataSource, queryClass.Queries.Take(options.BaselinePerClass));
            results.Add(new ClassResult(queryClass.Name, latencies, (double)found / queryClass.Queries.Count, wrong, baseline));
            Log($"{queryClass.Name}: p95 {latencies.Percentile(95):F2} ms, ILIKE p50 {baseline.Percentile(50):F0} ms; slowest: "
                + string.Join(", ", latencies.Slowest(3).Select(s => $"'{s.Query}' {s.Milliseconds:F1} ms")));
        }

        await BenchReport.PrintAsync(dataSource, options, results, total.Elapsed);
    }

    internal sealed record ClassResult(string Name, Latencies Latencies, double AverageFound, int Wrong, Latencies Baseline);

    /// <summary>Times each call; also counts results that do not contain the text where they should
    /// (a sanity check: 0 expected).</summary>
    private static async Task<(Latencies Latencies, int Found, int Wrong)> MeasureAsync(
        SearchRecipientsQuery search, CurrentUser actor, IReadOnlyList<string> queries, Dictionary<string, string> companyReadings)
    {
        var latencies = new Latencies();
        int found = 0, wrong = 0;
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            var matches = await search.SearchAsync(actor, query, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(start), query);
            found += matches.Count;
            var (folded, key) = (CustomerSearchText.Fold(query), RomajiKey.Of(query));
            wrong += matches.Count(m => !Contains(m, folded) && !ReadingStartsWith(m, folded, key, companyReadings));
        }

        return (latencies, found, wrong);
    }

    private static bool Contains(RecipientMatch match, string folded)
    {
        var email = CustomerSearchText.Fold(match.Email);
        return CustomerSearchText.Fold(match.FullName).Contains(folded, StringComparison.Ordinal)
            || CustomerSearchText.Fold(match.FullNameKana).Contains(folded, StringComparison.Ordinal)
            || CustomerSearchText.Fold(match.Company).Contains(folded, StringComparison.Ordinal)
            || (folded.EnumerateRunes().Count() >= 3 ? email.Contains(folded, StringComparison.Ordinal) : email.StartsWith(folded, StringComparison.Ordinal));
    }

    /// <summary>Whether 会社名カナ starts with the folded text, or a reading (full kana, given-name
    /// kana, 会社名カナ) with the romaji key.</summary>
    private static bool ReadingStartsWith(RecipientMatch match, string folded, string key, Dictionary<string, string> companyReadings)
    {
        var companyKana = companyReadings.GetValueOrDefault(match.Company, "");
        if (CustomerSearchText.Fold(companyKana).StartsWith(folded, StringComparison.Ordinal))
        {
            return true;
        }

        var kana = match.FullNameKana.Split(' ');
        return key.Length > 0 && new[] { string.Concat(kana), kana[^1], companyKana }
            .Any(reading => RomajiKey.OfKana(reading).StartsWith(key, StringComparison.Ordinal));
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("DIGIMA_BENCH_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("DIGIMA_BENCH_DB is not set: run `./digima bench autocomplete`, which starts the servers.");
        return await BenchDatabase.RecreateAsync(admin, DatabaseName);
    }

    private static ServiceProvider BuildServices(string connectionString) =>
        BenchServices.Build(connectionString);

}
