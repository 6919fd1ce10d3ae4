using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>Fills customer_reply_state after the bulk load the way migration 2026-12-08-1500 does
/// for mail stored before it: its own customer_reply_state_recompute over every customer with
/// mail. The bulk load bypasses the repositories whose statements keep the state, so without
/// this the table would be empty.</summary>
internal static class ReplyStateFill
{
    private const string Backfill = """
        SELECT customer_reply_state_recompute(ARRAY(
            SELECT customer_id FROM imported_mail_customers
            UNION
            SELECT customer_id FROM outgoing_mail_recipients WHERE customer_id IS NOT NULL))
        """;

    public static async Task RunAsync(NpgsqlDataSource dataSource, Action<string> log)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        await connection.ExecuteAsync(new CommandDefinition(Backfill, commandTimeout: 0));
        log($"customer_reply_state_recompute: {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE customer_reply_state", commandTimeout: 0));
        log($"VACUUM ANALYZE customer_reply_state: {clock.Elapsed.TotalSeconds:F1} s");
    }
}
