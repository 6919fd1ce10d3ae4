using Dapper;
using Digima.Core.Customers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Digima.Infrastructure.Customers;

/// <summary>Writes search_reading for customers saved before it existed (migration
/// 1950-customer-readings leaves it ''). The romaji rules are C# (RomajiKey), so SQL cannot fill
/// it; this runs after the migrations at start, in batches, and finds nothing to do once done.
/// Several nodes starting at once may compute the same rows twice: the result is the same.</summary>
public sealed class CustomerReadingBackfill(NpgsqlDataSource dataSource, ILogger<CustomerReadingBackfill> logger)
{
    private const int BatchSize = 2000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        const string select = """
            SELECT id, last_name, last_name_kana, first_name_kana, email, company_kana
            FROM customers WHERE search_reading = '' ORDER BY id LIMIT @BatchSize
            """;
        const string update = """
            UPDATE customers c SET search_reading = r.reading
            FROM unnest(@ids, @readings) AS r(id, reading)
            WHERE c.id = r.id
            """;
        var total = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var batch = (await connection.QueryAsync<Customer>(new CommandDefinition(select, new { BatchSize }, cancellationToken: cancellationToken))).AsList();
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(c => c.Id).ToArray();
            var readings = batch.Select(CustomerSearchText.BuildReading).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(update, new { ids, readings }, cancellationToken: cancellationToken));
            total += batch.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Wrote the readings of {Count} customers", total);
        }
    }
}
