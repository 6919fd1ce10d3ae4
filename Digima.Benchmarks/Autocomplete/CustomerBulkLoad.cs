using System.Diagnostics;
using Dapper;
using Digima.Core.Customers;
using Npgsql;
using NpgsqlTypes;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>Fills customers the way a restore does: the secondary indexes made by the migrations are
/// dropped, the rows go in by binary COPY, then each index is created again from its own definition
/// (pg_get_indexdef), so nothing here repeats the migrations. The search indexes are expressions
/// over search_text (no trigger to disable): rebuilding them is the backfill, as migration 0015
/// does for the customers already there.</summary>
internal static class CustomerBulkLoad
{
    private static readonly string[] CopyColumns =
        ["last_name", "first_name", "last_name_kana", "first_name_kana", "email", "company", "company_kana", "department", "title", "phone", "search_text", "search_reading"];

    public static async Task LoadAsync(NpgsqlDataSource dataSource, IEnumerable<Customer> customers, Action<string> log)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var indexes = (await connection.QueryAsync<(string Name, string Definition)>("""
            SELECT i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'customers'::regclass AND NOT x.indisprimary
            ORDER BY i.relname
            """)).AsList();
        foreach (var index in indexes)
        {
            await connection.ExecuteAsync($"DROP INDEX {index.Name}");
        }

        var clock = Stopwatch.StartNew();
        var count = await CopyAsync(connection, customers);
        log($"COPY of {count:N0} customers (search_text and search_reading from CustomerSearchText): {clock.Elapsed.TotalSeconds:F1} s");

        // This session only: room for the GIN builds and the parallel btree sorts.
        await connection.ExecuteAsync("SET maintenance_work_mem = '1GB'");
        foreach (var index in indexes)
        {
            clock.Restart();
            await connection.ExecuteAsync(new CommandDefinition(index.Definition, commandTimeout: 0));
            log($"CREATE INDEX {index.Name}: {clock.Elapsed.TotalSeconds:F1} s");
        }

        clock.Restart();
        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE customers", commandTimeout: 0));
        log($"VACUUM ANALYZE: {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<Customer> customers)
    {
        var count = 0;
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY customers ({string.Join(", ", CopyColumns)}) FROM STDIN (FORMAT BINARY)");
        writer.Timeout = TimeSpan.Zero;
        foreach (var c in customers)
        {
            // Synchronous writes: the buffer flushes rarely, and a million awaits cost seconds.
            writer.StartRow();
            foreach (var value in new[] { c.LastName, c.FirstName, c.LastNameKana, c.FirstNameKana, c.Email, c.Company, c.CompanyKana, c.Department, c.Title, c.Phone,
                CustomerSearchText.Build(c), CustomerSearchText.BuildReading(c) })
            {
                writer.Write(value, NpgsqlDbType.Text);
            }

            count++;
        }

        await writer.CompleteAsync();
        return count;
    }
}
