using Dapper;
using Digima.Core.Tracking;
using Npgsql;

namespace Digima.Infrastructure.Tracking;

internal sealed class TrackingRepository(NpgsqlDataSource dataSource) : ITrackingRepository
{
    public async Task<TrackedMail?> GetMailAsync(long mailId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id, m.user_id, m.subject, m.body_text, m.open_tracking, m.click_tracking, m.notify_on_open,
                   COALESCE(m.smtp_accepted_at, m.sent_at) AS sent_at,
                   COALESCE((SELECT array_agg(DISTINCT r.customer_id) FILTER (WHERE r.customer_id IS NOT NULL) FROM outgoing_mail_recipients r WHERE r.mail_id = m.id), '{}') AS customer_ids,
                   COALESCE((SELECT COALESCE(NULLIF(concat_ws(' ', NULLIF(c.last_name, ''), NULLIF(c.first_name, '')), ''), NULLIF(r.display_name, ''), r.email)
                             FROM outgoing_mail_recipients r JOIN customers c ON c.id = r.customer_id
                             WHERE r.mail_id = m.id ORDER BY r.position LIMIT 1), '') AS customer_name
            FROM outgoing_mails m
            WHERE m.id = @mailId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MailRow>(new CommandDefinition(sql, new { mailId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new TrackedMail(row.Id, row.UserId, row.Subject, row.BodyText, row.OpenTracking, row.ClickTracking, row.NotifyOnOpen,
                row.SentAt, row.CustomerIds, row.CustomerIds.Length == 1 ? row.CustomerName : "");
    }

    public async Task<StoredTracking?> InsertUnlessRepeatAsync(
        TrackingEvent candidate, DateTimeOffset repeatSince, DateTimeOffset burstSince, Func<FetchHistory, AutomatedReason?> judge, CancellationToken cancellationToken)
    {
        // A burst of fetches of one mail arrives at once: without the lock each would read the
        // history before the others' rows exist and all would be stored as firsts.
        const string lockMail = "SELECT pg_advisory_xact_lock(hashtext('digima.tracking_events'), hashint8(@MailId))";
        const string history = """
            SELECT count(*) FILTER (WHERE e.occurred_at >= @BurstSince)::int AS recent_events,
                   count(*) FILTER (WHERE e.kind = 'open' AND e.user_agent = @UserAgent)::int AS same_agent_opens,
                   COALESCE(bool_or(e.kind = @Kind AND e.link_url IS NOT DISTINCT FROM @LinkUrl AND e.ip_hash = @IpHash
                                    AND e.user_agent = @UserAgent AND e.occurred_at >= @RepeatSince), false) AS repeat
            FROM tracking_events e
            WHERE e.mail_id = @MailId
            """;
        // The sub-select sees the table as it was before this row: "first" without a second round trip.
        const string insert = """
            INSERT INTO tracking_events (mail_id, customer_id, kind, link_url, occurred_at, user_agent, ip_hash, probably_automated, automated_reason)
            VALUES (@MailId, @CustomerId, @Kind, @LinkUrl, @OccurredAt, @UserAgent, @IpHash, @ProbablyAutomated, @Reason)
            RETURNING id, NOT EXISTS (SELECT 1 FROM tracking_events e
                                      WHERE e.mail_id = @MailId AND e.kind = @Kind AND e.link_url IS NOT DISTINCT FROM @LinkUrl
                                        AND NOT e.probably_automated) AS first_by_person
            """;
        var e = candidate;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(lockMail, new { e.MailId }, transaction, cancellationToken: cancellationToken));
        var seen = await connection.QuerySingleAsync<HistoryRow>(new CommandDefinition(
            history, new { e.MailId, BurstSince = burstSince, RepeatSince = repeatSince, Kind = Code(e.Kind), e.LinkUrl, e.IpHash, e.UserAgent },
            transaction, cancellationToken: cancellationToken));
        if (seen.Repeat)
        {
            return null;
        }

        var reason = judge(new FetchHistory(seen.RecentEvents, seen.SameAgentOpens));
        var stored = e with { ProbablyAutomated = reason is not null, AutomatedReason = reason };
        var parameters = new
        {
            e.MailId, e.CustomerId, Kind = Code(e.Kind), e.LinkUrl, e.OccurredAt, e.UserAgent, e.IpHash, stored.ProbablyAutomated,
            Reason = reason?.ToString(),
        };
        var (id, first) = await connection.QuerySingleAsync<(long, bool)>(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new StoredTracking(stored with { Id = id }, first && !stored.ProbablyAutomated);
    }

    public Task<IReadOnlyList<TrackingSummary>> SummariesAsync(long userId, IReadOnlyList<long> mailIds, CancellationToken cancellationToken) =>
        QuerySummariesAsync(
            """
            JOIN outgoing_mails m ON m.id = e.mail_id
            WHERE e.mail_id = ANY(@ids) AND m.user_id = @userId
            """,
            new { userId, ids = mailIds.ToArray() },
            cancellationToken);

    public Task<IReadOnlyList<TrackingSummary>> CustomerSummariesAsync(long customerId, IReadOnlyList<long> mailIds, CancellationToken cancellationToken) =>
        QuerySummariesAsync("WHERE e.mail_id = ANY(@ids) AND e.customer_id = @customerId", new { customerId, ids = mailIds.ToArray() }, cancellationToken);

    /// <summary>開封/クリック per mail and kind: people counted apart from probable machines.</summary>
    private async Task<IReadOnlyList<TrackingSummary>> QuerySummariesAsync(string filter, object parameters, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT e.mail_id, e.kind,
                   count(*) FILTER (WHERE NOT e.probably_automated)::int AS count,
                   min(e.occurred_at) FILTER (WHERE NOT e.probably_automated) AS first_at,
                   max(e.occurred_at) FILTER (WHERE NOT e.probably_automated) AS last_at,
                   count(*) FILTER (WHERE e.probably_automated)::int AS automated_count
            FROM tracking_events e
            {filter}
            GROUP BY e.mail_id, e.kind
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new TrackingSummary(r.MailId, Enum.Parse<TrackingKind>(r.Kind, ignoreCase: true), r.Count, r.FirstAt, r.AutomatedCount, r.LastAt)).ToList();
    }

    private static string Code(TrackingKind kind) => kind == TrackingKind.Open ? "open" : "click";

    private sealed record MailRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string Subject { get; init; } = "";
        public string BodyText { get; init; } = "";
        public bool OpenTracking { get; init; }
        public bool ClickTracking { get; init; }
        public bool NotifyOnOpen { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public long[] CustomerIds { get; init; } = [];
        public string CustomerName { get; init; } = "";
    }

    private sealed record SummaryRow
    {
        public long MailId { get; init; }
        public string Kind { get; init; } = "";
        public int Count { get; init; }
        public DateTimeOffset? FirstAt { get; init; }
        public int AutomatedCount { get; init; }
        public DateTimeOffset? LastAt { get; init; }
    }

    private sealed record HistoryRow
    {
        public int RecentEvents { get; init; }
        public int SameAgentOpens { get; init; }
        public bool Repeat { get; init; }
    }
}
