using Dapper;
using Digima.Core.MailImport;
using Digima.Core.Timeline.Threads;
using Npgsql;

namespace Digima.Infrastructure.Timeline;

/// <summary>Keeps mail_threads.thread_id right as mail is written (R15, R17): stores the new
/// mails' threading headers, loads every stored mail linked to them through References in either
/// direction (the conversation), threads that set again with <see cref="MailThreader"/> and
/// writes back the ids that changed. So a parent arriving after its child, or a mail naming a
/// missing link, re-threads what it touches; reading a thread stays an index lookup. Ancestors
/// are stored with relays' Message-IDs of our mail replaced by the app's (<see cref="AliasAsync"/>).</summary>
internal static class MailThreadWriter
{
    // One writer at a time: two transactions threading linked mails would each miss the other's rows.
    private const string Lock = "SELECT pg_advisory_xact_lock(hashtext('digima.mail_threads'))";

    private const string Insert = """
        INSERT INTO mail_threads (message_id, thread_id, ancestors, subject, mail_date, thread_index)
        SELECT id, id, ARRAY(SELECT jsonb_array_elements_text(CAST(anc AS jsonb))), subject, mail_date, thread_index
        FROM unnest(@Ids, @Ancestors, @Subjects, @Dates, @ThreadIndexes) AS v(id, anc, subject, mail_date, thread_index)
        ON CONFLICT (message_id) DO NOTHING
        """;

    // One step of the conversation: the stored mails that are, or name as an ancestor, one of
    // these Message-IDs. A probe per id (primary key, GIN index on ancestors): a single
    // recursive query here was estimated at millions of rows, so PostgreSQL compiled it (JIT) and
    // hashed the whole table at every batch, which made threading most of an import's time.
    private const string Step = """
        SELECT t.message_id AS MessageId, t.ancestors AS Ancestors, t.subject AS Subject, t.mail_date AS Date, t.thread_id AS ThreadId
        FROM unnest(CAST(@Ids AS text[])) AS f(id) JOIN mail_threads t ON t.message_id = f.id
        UNION
        SELECT t.message_id, t.ancestors, t.subject, t.mail_date, t.thread_id
        FROM unnest(CAST(@Ids AS text[])) AS f(id) JOIN mail_threads t ON t.ancestors @> ARRAY[f.id]
        """;

    // Ancestors are stored as the mails are known: a relay's Message-ID of our mail becomes the app's.
    private const string FindAliases = """
        SELECT alias AS Alias, message_id AS MessageId FROM message_id_aliases WHERE alias = ANY(@Ids)
        """;

    // The stored mails whose Thread-Index is one of these (an Outlook parent's, see ThreadIndex).
    private const string FindIndexed = """
        SELECT thread_index AS ThreadIndex, message_id AS MessageId FROM mail_threads WHERE thread_index = ANY(@Indexes)
        """;

    private const string InsertAliases = """
        INSERT INTO message_id_aliases (alias, message_id)
        SELECT * FROM unnest(@Aliases, @MessageIds)
        ON CONFLICT (alias) DO NOTHING
        RETURNING alias
        """;

    // Mails stored before the alias was known name the relay's id: they name the app's from now on
    // (the GIN index on ancestors finds them; && is one probe for all the new aliases).
    private const string ReplaceAliases = """
        UPDATE mail_threads t
        SET ancestors = ARRAY(SELECT COALESCE(a.message_id, u.id)
                              FROM unnest(t.ancestors) WITH ORDINALITY AS u(id, ord)
                              LEFT JOIN message_id_aliases a ON a.alias = u.id
                              ORDER BY u.ord)
        WHERE t.ancestors && CAST(@Aliases AS text[])
        RETURNING t.message_id
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
        var distinct = await WithoutAliasesAsync(connection, transaction, mails.DistinctBy(m => m.MessageId).ToList(), cancellationToken);
        distinct = await WithOutlookParentsAsync(connection, transaction, distinct, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Ids = distinct.Select(m => m.MessageId).ToArray(),
            Ancestors = distinct.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Ancestors)).ToArray(),
            Subjects = distinct.Select(m => m.Subject).ToArray(),
            Dates = distinct.Select(m => m.Date.ToUniversalTime()).ToArray(),
            ThreadIndexes = distinct.Select(m => m.ThreadIndex).ToArray(),
        }, transaction, cancellationToken: cancellationToken));

        await RethreadAsync(connection, transaction, distinct.SelectMany(m => m.Ancestors.Append(m.MessageId)), cancellationToken);
    }

    /// <summary>Records Message-IDs relays gave our mail (<see cref="MessageIdAlias"/>): stored mails
    /// naming one name the app's id instead, and their conversations are threaded again.</summary>
    public static async Task AliasAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<MessageIdAlias> aliases, CancellationToken cancellationToken)
    {
        var distinct = aliases.DistinctBy(a => a.Alias).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(Lock, transaction: transaction, cancellationToken: cancellationToken));
        var fresh = (await connection.QueryAsync<string>(new CommandDefinition(InsertAliases, new
        {
            Aliases = distinct.Select(a => a.Alias).ToArray(),
            MessageIds = distinct.Select(a => a.MessageId).ToArray(),
        }, transaction, cancellationToken: cancellationToken))).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        var moved = await connection.QueryAsync<string>(new CommandDefinition(ReplaceAliases, new { Aliases = fresh }, transaction, cancellationToken: cancellationToken));
        var seeds = moved.Concat(distinct.Where(a => fresh.Contains(a.Alias)).Select(a => a.MessageId)).ToList();
        if (moved.Any())
        {
            await RethreadAsync(connection, transaction, seeds, cancellationToken);
        }
    }

    private static async Task<List<ThreadMessage>> WithoutAliasesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ThreadMessage> mails, CancellationToken cancellationToken)
    {
        var named = mails.SelectMany(m => m.Ancestors).Distinct().ToArray();
        if (named.Length == 0)
        {
            return mails;
        }

        var aliases = (await connection.QueryAsync<MessageIdAlias>(new CommandDefinition(FindAliases, new { Ids = named }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(a => a.Alias, a => a.MessageId, StringComparer.Ordinal);
        return aliases.Count == 0
            ? mails
            : mails.Select(m => m with { Ancestors = m.Ancestors.Select(a => aliases.GetValueOrDefault(a, a)).Distinct().ToList() }).ToList();
    }

    /// <summary>A mail naming no ancestor whose Thread-Index says it is a reply gets the mail with
    /// the nearest ancestor index as its parent (in the batch or stored): Outlook keeps the index
    /// where a client drops References. Its subject must still match (the threader's rule).</summary>
    private static async Task<List<ThreadMessage>> WithOutlookParentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ThreadMessage> mails, CancellationToken cancellationToken)
    {
        var orphans = mails.Where(m => m.Ancestors.Count == 0 && m.ThreadIndex is { Length: > ThreadIndex.HeaderLength }).ToList();
        if (orphans.Count == 0)
        {
            return mails;
        }

        var wanted = orphans.SelectMany(m => ThreadIndex.AncestorPrefixes(m.ThreadIndex!)).ToArray();
        var found = (await connection.QueryAsync<(byte[] ThreadIndex, string MessageId)>(
                new CommandDefinition(FindIndexed, new { Indexes = wanted }, transaction, cancellationToken: cancellationToken)))
            .Concat(mails.Where(m => m.ThreadIndex is not null).Select(m => (ThreadIndex: m.ThreadIndex!, m.MessageId)))
            .GroupBy(f => Convert.ToBase64String(f.ThreadIndex))
            .ToDictionary(g => g.Key, g => g.First().MessageId, StringComparer.Ordinal);
        return mails.Select(m => orphans.Contains(m)
                && ThreadIndex.AncestorPrefixes(m.ThreadIndex!).Select(p => found.GetValueOrDefault(Convert.ToBase64String(p))).FirstOrDefault(id => id is not null) is { } parent
            ? m with { Ancestors = [parent] }
            : m).ToList();
    }

    /// <summary>The Thread-Index of a mail the app writes: a block added to its parent's when the
    /// parent has one (an Outlook conversation continues), else a conversation of its own.</summary>
    public static async Task<byte[]> ThreadIndexForAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> ancestors, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parent = ancestors.Count == 0
            ? null
            : await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
                "SELECT thread_index FROM mail_threads WHERE message_id = @Id", new { Id = ancestors[^1] }, transaction, cancellationToken: cancellationToken));
        return ThreadIndex.IsWellFormed(parent)
            ? ThreadIndex.Reply(parent!, at, Random.Shared.Next(256))
            : ThreadIndex.NewConversation(at, Guid.NewGuid());
    }

    private static async Task RethreadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> seeds, CancellationToken cancellationToken)
    {
        var stored = await ConversationAsync(connection, transaction, seeds, cancellationToken);
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

    /// <summary>Every stored mail linked to the seeds through References in either direction, a
    /// step (one query) per link of distance: replies and ancestors found bring in theirs.</summary>
    private static async Task<List<StoredThreadRow>> ConversationAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> seeds, CancellationToken cancellationToken)
    {
        var reached = new HashSet<string>(seeds, StringComparer.Ordinal);
        var rows = new Dictionary<string, StoredThreadRow>(StringComparer.Ordinal);
        var frontier = reached.ToArray();
        while (frontier.Length > 0)
        {
            var found = await connection.QueryAsync<StoredThreadRow>(new CommandDefinition(Step, new { Ids = frontier }, transaction, cancellationToken: cancellationToken));
            var next = new List<string>();
            foreach (var row in found)
            {
                if (rows.TryAdd(row.MessageId, row))
                {
                    next.AddRange(row.Ancestors.Append(row.MessageId).Where(reached.Add));
                }
            }

            frontier = [.. next];
        }

        return [.. rows.Values];
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
