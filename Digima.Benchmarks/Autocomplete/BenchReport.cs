using System.Globalization;
using Dapper;
using Npgsql;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>Prints what docs/benchmarks.md records: the machine, the table, and the sizes.</summary>
internal static class BenchReport
{
    public static async Task PrintAsync(
        NpgsqlDataSource dataSource, BenchOptions options, IReadOnlyList<AutocompleteBenchmark.ClassResult> results, TimeSpan elapsed)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        Console.WriteLine($"machine: {BenchMachine.Describe()}");
        Console.WriteLine($"server: {await connection.ExecuteScalarAsync<string>("SELECT version()")}");
        Console.WriteLine($"customers: {options.Customers:N0}; {options.QueriesPerClass} queries a class through SearchRecipientsQuery; "
            + $"ILIKE baseline: the first {options.BaselinePerClass} of each class");
        Console.WriteLine();
        Console.WriteLine("| class | queries | p50 ms | p95 ms | p99 ms | max ms | avg results | ILIKE p50 ms | p50 ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var l = r.Latencies;
            Console.WriteLine(string.Format(culture, "| {0} | {1} | {2:F2} | {3:F2} | {4:F2} | {5:F1} | {6:F1} | {7:F0} | {8:N0}x |",
                r.Name, l.Count, l.Percentile(50), l.Percentile(95), l.Percentile(99), l.Max, r.AverageFound,
                r.Baseline.Percentile(50), r.Baseline.Percentile(50) / l.Percentile(50)));
        }

        var wrong = results.Sum(r => r.Wrong);
        Console.WriteLine();
        Console.WriteLine($"results not containing the text: {wrong}");
        await PrintSizesAsync(connection);
        Console.WriteLine($"whole run: {elapsed.TotalMinutes:F1} min");
    }

    private static async Task PrintSizesAsync(NpgsqlConnection connection)
    {
        Console.WriteLine();
        Console.WriteLine($"customers total (heap + TOAST + all indexes): {await connection.ExecuteScalarAsync<string>(
            "SELECT pg_size_pretty(pg_total_relation_size('customers'))")}; heap: {await connection.ExecuteScalarAsync<string>(
            "SELECT pg_size_pretty(pg_relation_size('customers'))")}");
        var sizes = await connection.QueryAsync<(string Name, string Size)>("""
            SELECT i.relname, pg_size_pretty(pg_relation_size(i.oid))
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'customers'::regclass
            ORDER BY pg_relation_size(i.oid) DESC
            """);
        foreach (var (name, size) in sizes)
        {
            Console.WriteLine($"  {name}: {size}");
        }
    }
}
