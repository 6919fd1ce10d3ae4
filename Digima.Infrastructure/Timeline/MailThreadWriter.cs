using Dapper;
using Digima.Core.Timeline.Threads;
using Npgsql;

namespace Digima.Infrastructure.Timeline;

/// <summary>Keeps mail_threads.thread_id right as mail is written (R15, R17): stores the new
/// mails' threading headers, loads every stored mail linked to them through References in either
/// direction (the conversation), threads that set again with <see cref="MailThreader"/> and
/// writes back the ids that changed. So a parent arriving after its child, or a mail naming a
/// missing link, re-threads what it touches; reading a thread stays an index lookup.</summary>
internal static class MailThreadWriter
{
    // One writer at a time: two transactions threading linked mails would each miss the other's rows.
    private const string Lock = "SELECT pg_advisory_xact_lock(hashtext('digima.mail_threads'))";

    private const string Insert = """
        INSERT INTO mail_threads (message_id, thread_id, ancestors, subject, mail_date)
        SELECT id, id, ARRAY(SELECT jsonb_array_elements_text(CAST(anc AS jsonb))), subject, mail_date
        FROM unnest(@Ids, @Ancestors, @Subjects, @Dates) AS v(id, anc, subject, mail_date)
        ON CONFLICT (message_id) DO NOTHING
        """;

    // The conversation: mails named by, or naming, any Message-ID reached so far.
    private const string Conversation = """
        WITH RECURSIVE reached(id) AS (
            SELECT unnest(CAST(@Ids AS text[]))
            UNION
            SELECT x.id
            FROM reached r
            JOIN mail_threads t ON t.message_id = r.id OR t.ancestors @> ARRAY[r.id]
            CROSS JOIN LATERAL unnest(t.ancestors || t.message_id) AS x(id)
        )
        SELECT message_id AS MessageId, ancestors AS Ancestors, subject AS Subject, mail_date AS Date, thread_id AS ThreadId
        FROM mail_threads WHERE message_id IN (SELECT id FROM reached)
        """;

    private const string Update = """
        UPDATE mail_threads t SET thread_id = v.thread_id
        FROM unnest(@Ids, @Threads) AS v(message_id, thread_id)
        WHERE t.message_id = v.message_id AND t.thread_id <> v.thread_id
        """;

    public static async Task ThreadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ThreadMessage> mails, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(Lock, transaction: transaction, cancellationToken: cancellationToken));
        var distinct = mails.DistinctBy(m => m.MessageId).ToList();
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Ids = distinct.Select(m => m.MessageId).ToArray(),
            Ancestors = distinct.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Ancestors)).ToArray(),
            Subjects = distinct.Select(m => m.Subject).ToArray(),
            Dates = distinct.Select(m => m.Date.ToUniversalTime()).ToArray(),
        }, transaction, cancellationToken: cancellationToken));

        var seeds = distinct.SelectMany(m => m.Ancestors.Append(m.MessageId)).Distinct(StringComparer.Ordinal).ToArray();
        var stored = (await connection.QueryAsync<StoredThreadRow>(new CommandDefinition(Conversation, new { Ids = seeds }, transaction, cancellationToken: cancellationToken))).AsList();
        var threads = MailThreader.Assign(stored.Select(r => new ThreadMessage(r.MessageId, r.Ancestors, r.Subject, r.Date)));
        var changed = stored.Where(r => threads[r.MessageId] != r.ThreadId).ToList();
        if (changed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(Update, new
            {
                Ids = changed.Select(r => r.MessageId).ToArray(),
                Threads = changed.Select(r => threads[r.MessageId]).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        }
    }

    private sealed class StoredThreadRow
    {
        public string MessageId { get; set; } = "";
        public string[] Ancestors { get; set; } = [];
        public string Subject { get; set; } = "";
        public DateTimeOffset Date { get; set; }
        public string ThreadId { get; set; } = "";
    }
}
