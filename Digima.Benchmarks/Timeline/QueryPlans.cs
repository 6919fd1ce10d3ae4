using Dapper;
using Digima.Infrastructure.Timeline;
using Npgsql;

namespace Digima.Benchmarks.Timeline;

/// <summary>Prints EXPLAIN ANALYZE of the timeline statements once, so the report shows where the
/// time goes (index range scans, no sort) next to the numbers.</summary>
internal static class QueryPlans
{
    public static async Task PrintAsync(NpgsqlDataSource dataSource, DateTime deepAt, long deepId, string threadId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var (name, sql, args) in new (string, string, object)[]
                 {
                     ("first page", TimelineQueries.FirstPage, new { customerId = TimelineBulkLoad.HotCustomerId, limit = 31 }),
                     ("deep page", TimelineQueries.NextPage, new { customerId = TimelineBulkLoad.HotCustomerId, limit = 31, afterAt = deepAt, afterId = deepId }),
                     ("thread", TimelineQueries.Thread, new { threadId, limit = 200 }),
                 })
        {
            var plan = await connection.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, args);
            Console.WriteLine($"-- {name}");
            foreach (var line in plan.Where(l => l.Contains("Scan", StringComparison.Ordinal) || l.Contains("Sort", StringComparison.Ordinal)
                         || l.Contains("Execution Time", StringComparison.Ordinal) || l.Contains("Planning Time", StringComparison.Ordinal)))
            {
                Console.WriteLine(line);
            }
        }
    }
}
