using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>What the dashboard reads beyond the bulk-loaded mail: half the app mail tracked, a
/// third of it opened (one open in five by a machine only), an eleventh clicked (every rep's mail:
/// the load deals mail to reps by id modulo their number), and the failed mail
/// of the load given the time it failed; every 97th sent mail becomes a held one.</summary>
internal static class DashboardFill
{
    private const string Fill = """
        UPDATE outgoing_mails SET open_tracking = true, click_tracking = true WHERE status = 'sent' AND id % 20 < 10;
        UPDATE outgoing_mails SET status = 'held', held_cause = 'content', held_reason = '差し込み項目「会社名」が空です', failed_at = sent_at, sent_at = NULL,
                                  scheduled_at = created_at
        WHERE status = 'sent' AND id % 97 = 3;
        UPDATE outgoing_mails SET failed_at = created_at, error = '550 5.1.1 Recipient address rejected' WHERE status = 'failed';
        INSERT INTO tracking_events (mail_id, kind, occurred_at, probably_automated)
        SELECT id, 'open', sent_at + interval '2 hours', id % 5 = 0 FROM outgoing_mails WHERE status = 'sent' AND open_tracking AND id % 3 = 0
        UNION ALL
        SELECT id, 'click', sent_at + interval '3 hours', false FROM outgoing_mails WHERE status = 'sent' AND click_tracking AND id % 11 = 0;
        """;

    public static async Task RunAsync(NpgsqlDataSource dataSource, Action<string> log)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        await connection.ExecuteAsync(new CommandDefinition(Fill, commandTimeout: 0));
        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE outgoing_mails, imported_mails, tracking_events", commandTimeout: 0));
        log($"dashboard data (tracking, held, failed): {clock.Elapsed.TotalSeconds:F1} s");
    }
}
