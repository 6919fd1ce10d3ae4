using System.Globalization;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>Prints what docs/benchmarks.md records: the run, the data, the table with goals, and
/// the naive query's cost as a multiple of the product's.</summary>
internal static class AgeingReport
{
    public static async Task PrintAsync(NpgsqlDataSource dataSource, AgeingRun run, IReadOnlyList<(QueryCase Case, Latencies Latencies)> product,
        IReadOnlyList<(QueryCase Case, Latencies Latencies)> naive)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"command: {run.Command}");
        Console.WriteLine($"date (UTC): {run.StartedAt:yyyy-MM-dd HH:mm}; load average at start {run.LoadAtStart}, at end {BenchMachine.LoadAverage()}");
        Console.WriteLine($"machine: {BenchMachine.Describe()}");
        Console.WriteLine($"server: {await connection.ExecuteScalarAsync<string>("SHOW server_version")}, database "
            + $"{await connection.ExecuteScalarAsync<string>("SELECT pg_size_pretty(pg_database_size(current_database()))")}");
        Console.WriteLine($"data: {run.Data}");
        Console.WriteLine($"whole run: {run.Elapsed.TotalMinutes:F1} min (load {run.LoadTime.TotalSeconds:F0} s, state recompute {run.FillTime.TotalSeconds:F0} s)");
        Console.WriteLine();
        Console.WriteLine("| query | calls | p50 ms | p95 ms | p99 ms | max ms | goal (p95) | met |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var (q, l) in product.Concat(naive))
        {
            var goal = q.GoalP95Ms is { } ms ? string.Create(c, $"<= {ms:F0} ms") : "";
            var met = q.GoalP95Ms is { } g ? (l.Percentile(95) <= g ? "met" : "**not met**") : "";
            Console.WriteLine(string.Create(c, $"| {q.Name} | {l.Count} | {l.Percentile(50):F2} | {l.Percentile(95):F2} | {l.Percentile(99):F2} | {l.Max:F1} | {goal} | {met} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| page | naive / product, p50 | naive / product, p95 |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var ((p, pl), (_, nl)) in product.Zip(naive))
        {
            Console.WriteLine(string.Create(c, $"| {p.Name} | {nl.Percentile(50) / pl.Percentile(50):N1}x | {nl.Percentile(95) / pl.Percentile(95):N1}x |"));
        }
    }
}

/// <summary>What the report says about the run besides the timings.</summary>
internal sealed record AgeingRun(string Command, DateTime StartedAt, string LoadAtStart, string Data, TimeSpan LoadTime, TimeSpan FillTime, TimeSpan Elapsed);
