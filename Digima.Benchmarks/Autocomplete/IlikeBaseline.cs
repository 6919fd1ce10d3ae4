using System.Diagnostics;
using Digima.Core.Customers;
using Npgsql;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>The plain approach the indexes are compared with: ILIKE '%q%' over the same columns
/// (full name, given name, kana, company, email) with the same ranking (prefix first) and limit.
/// The ranking needs every match, so PostgreSQL scans the whole table on every call.</summary>
internal static class IlikeBaseline
{
    private const string Sql = """
        SELECT id, last_name, first_name, company, email
        FROM customers
        WHERE (last_name || first_name) ILIKE @anywhere OR first_name ILIKE @anywhere
           OR (last_name_kana || first_name_kana) ILIKE @anywhere OR first_name_kana ILIKE @anywhere
           OR company ILIKE @anywhere OR email ILIKE @anywhere
        ORDER BY ((last_name || first_name) ILIKE @start OR first_name ILIKE @start
           OR (last_name_kana || first_name_kana) ILIKE @start OR first_name_kana ILIKE @start
           OR company ILIKE @start OR email ILIKE @start) DESC, last_name_kana, first_name_kana, id
        LIMIT 10
        """;

    public static async Task<Latencies> MeasureAsync(NpgsqlDataSource dataSource, IEnumerable<string> queries)
    {
        var latencies = new Latencies();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var query in queries)
        {
            // The folded text, so hiragana input meets the katakana columns as in the real search.
            var escaped = CustomerSearchText.Fold(query).Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            await using var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("anywhere", $"%{escaped}%");
            command.Parameters.AddWithValue("start", $"{escaped}%");
            var start = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(start), query);
        }

        return latencies;
    }
}
