using Dapper;
using Digima.Benchmarks.Autocomplete;
using Npgsql;

namespace Digima.Benchmarks.Timeline;

/// <summary>Prints the results as the markdown table kept in docs/benchmarks.md.</summary>
internal static class TimelineReport
{
    public static async Task PrintAsync(NpgsqlDataSource dataSource, TimelineOptions options, long mails, int hotRows, TimeSpan elapsed,
        IReadOnlyList<(string Name, Latencies Latencies)> results)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var version = await connection.ExecuteScalarAsync<string>("SHOW server_version");
        var size = await connection.ExecuteScalarAsync<string>("SELECT pg_size_pretty(pg_database_size(current_database()))");
        Console.WriteLine();
        Console.WriteLine($"PostgreSQL {version}, database {size}; {Environment.ProcessorCount} cores; whole run {elapsed.TotalMinutes:F1} min");
        Console.WriteLine($"{mails:N0} mails, {options.Customers:N0} customers; customer 1: {hotRows:N0} timeline rows; page size 30");
        Console.WriteLine();
        Console.WriteLine("| query | samples | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, latencies) in results)
        {
            Console.WriteLine($"| {name} | {latencies.Count} | {latencies.Percentile(50):F2} | {latencies.Percentile(95):F2} | {latencies.Percentile(99):F2} | {latencies.Max:F1} |");
        }
    }
}
