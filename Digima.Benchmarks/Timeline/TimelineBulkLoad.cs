using System.Diagnostics;
using Npgsql;

namespace Digima.Benchmarks.Timeline;

/// <summary>Writes the benchmark's mail with generate_series, set-based, in a few statements:
/// half written in the app (outgoing_mails + recipients), half imported (imported_mails + links),
/// so the same triggers as in production fill customer_timeline. Mail i of a half belongs to rep
/// 1 + i % reps; every other customer gets one mail of each half in turn. Customer 1 is the busy one:
/// every (mails / hot)th mail of each half is theirs, sent and received interleaved in time, in
/// threads of six (three out, three in). Everyone else's mail is a thread of its own.</summary>
internal static class TimelineBulkLoad
{
    /// <summary>A pair of mails (one out, one in a minute later) every two minutes after Start.</summary>
    internal sealed record MailShape(int Mails, int HotMails, int Customers, int Reps, DateTime Start)
    {
        /// <summary>From Start to the newest mail (the last imported one).</summary>
        public TimeSpan Span => TimeSpan.FromMinutes((2 * (Mails / 2)) + 1);
    }

    public const long HotCustomerId = 1;

    private const string Users = """
        INSERT INTO users (email, display_name, role, password_hash)
        SELECT 'rep' || g || '@bench.test', '営業 ' || g, 'rep', 'x' FROM generate_series(1, @reps) g
        """;

    private const string Customers = """
        INSERT INTO customers (last_name, first_name, email)
        SELECT '顧客', g::text, 'c' || g || '@customer.test' FROM generate_series(1, @customers) g
        """;

    // step = every how many mails of a half is the hot customer's; times: outgoing i at 2i min,
    // imported j at 2j+1 min, so the two halves interleave.
    private const string Outgoing = """
        INSERT INTO outgoing_mails (user_id, status, message_id, subject, body_text, created_at, sent_at)
        SELECT 1 + g % @reps, CASE WHEN g % 50 = 7 THEN 'failed' ELSE 'sent' END, 'o' || g || '@bench.test',
               CASE WHEN g % @step = 0 THEN 'Re: お見積りの件 ' || (g / @step / 3) ELSE 'ご案内 ' || g END,
               '顧客 様' || E'\n' || 'いつもお世話になっております。ご依頼の件についてご連絡いたします。' || E'\n' || repeat('詳細は添付の資料をご確認ください。', 3),
               @start + make_interval(mins => 2 * g), @start + make_interval(mins => 2 * g)
        FROM generate_series(1, @half) g
        """;

    private const string OutgoingRecipients = """
        INSERT INTO outgoing_mail_recipients (mail_id, position, kind, customer_id, email, display_name)
        SELECT m.id, 0, 'to', c.id, c.email, '顧客 様'
        FROM generate_series(1, @half) g
        JOIN outgoing_mails m ON m.message_id = 'o' || g || '@bench.test'
        JOIN customers c ON c.id = CASE WHEN g % @step = 0 THEN 1 ELSE 2 + g % (@customers - 1) END
        """;

    private const string Imported = """
        INSERT INTO imported_mails (user_id, message_id, direction, folder_kind, uid_validity, uid, subject, from_address, from_name,
                                    mail_date, snippet, body_text, thread_key, imported_at)
        SELECT 1 + g % @reps, 'i' || g || '@customer.test', CASE WHEN g % 4 = 0 THEN 'sent' ELSE 'received' END, 'inbox', 1, g,
               CASE WHEN g % @step = 0 THEN 'Re: お見積りの件 ' || (g / @step / 3) ELSE 'お問い合わせ ' || g END, 'c@customer.test', '顧客 様',
               @start + make_interval(mins => 2 * g + 1), 'お世話になっております。',
               'お世話になっております。' || E'\n' || 'ご提案いただいた内容について社内で検討いたしました。' || E'\n' || repeat('引き続きよろしくお願いいたします。', 3),
               'i' || g || '@customer.test', @start + make_interval(mins => 2 * g + 1)
        FROM generate_series(1, @half) g
        """;

    private const string ImportedLinks = """
        INSERT INTO imported_mail_customers (mail_id, customer_id, role)
        SELECT m.id, CASE WHEN m.uid % @step = 0 THEN 1 ELSE 2 + m.uid % (@customers - 1) END,
               CASE WHEN m.direction = 'sent' THEN 'to' ELSE 'from' END
        FROM imported_mails m
        """;

    // What MailThreadWriter would have stored: the hot customer's mail in threads of six.
    private const string Threads = """
        INSERT INTO mail_threads (message_id, thread_id, ancestors, subject, mail_date)
        SELECT message_id, CASE WHEN g % @step = 0 THEN 'hot-thread-' || (g / @step / 3) ELSE message_id END, CAST('{}' AS text[]), subject, created_at
        FROM outgoing_mails, LATERAL (SELECT substring(message_id FROM 2 FOR position('@' IN message_id) - 2)::int AS g) x
        UNION ALL
        SELECT message_id, CASE WHEN uid % @step = 0 THEN 'hot-thread-' || (uid / @step / 3) ELSE message_id END, '{}', subject, mail_date
        FROM imported_mails
        """;

    private const string Events = """
        INSERT INTO customer_events (customer_id, kind, occurred_at, user_id, detail)
        SELECT 1, (ARRAY['opened', 'clicked', 'contact_field_changed'])[1 + g % 3], @start + make_interval(mins => 2 * @half * g / 1000), 1, ''
        FROM generate_series(1, 1000) g
        """;

    public static async Task LoadAsync(NpgsqlDataSource dataSource, MailShape shape, Action<string> log)
    {
        var half = shape.Mails / 2;
        var args = new Dictionary<string, object>
        {
            ["customers"] = shape.Customers,
            ["reps"] = shape.Reps,
            ["half"] = half,
            ["step"] = Math.Max(1, half / (shape.HotMails / 2)),
            ["start"] = shape.Start,
        };
        foreach (var (name, sql) in new[]
                 {
                     ("users", Users), ("customers", Customers), ("outgoing_mails", Outgoing), ("outgoing_mail_recipients + timeline", OutgoingRecipients),
                     ("imported_mails", Imported), ("imported_mail_customers + timeline", ImportedLinks), ("mail_threads", Threads),
                     ("customer_events + timeline", Events), ("VACUUM ANALYZE", "VACUUM ANALYZE"),
                 })
        {
            var clock = Stopwatch.StartNew();
            await using var command = dataSource.CreateCommand(sql);
            command.CommandTimeout = 0;
            foreach (var (key, value) in args.Where(a => sql.Contains("@" + a.Key, StringComparison.Ordinal)))
            {
                command.Parameters.AddWithValue(key, value);
            }

            var rows = await command.ExecuteNonQueryAsync();
            log($"{name}: {Math.Max(rows, 0):N0} rows, {clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
