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
                   COALESCE((SELECT array_agg(DISTINCT r.customer_id) FROM outgoing_mail_recipients r WHERE r.mail_id = m.id), '{}') AS customer_ids,
                   COALESCE((SELECT r.display_name FROM outgoing_mail_recipients r WHERE r.mail_id = m.id ORDER BY r.position LIMIT 1), '') AS first_recipient_name
            FROM outgoing_mails m
            WHERE m.id = @mailId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MailRow>(new CommandDefinition(sql, new { mailId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new TrackedMail(row.Id, row.UserId, row.Subject, row.BodyText, row.OpenTracking, row.ClickTracking, row.NotifyOnOpen,
                row.SentAt, row.CustomerIds, row.FirstRecipientName);
    }

    public async Task<int> CountSinceAsync(long mailId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = "SELECT count(*)::int FROM tracking_events WHERE mail_id = @mailId AND occurred_at >= @since";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { mailId, since }, cancellationToken: cancellationToken));
    }

    public async Task<(long Id, bool FirstHumanOpen)> InsertAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        // The sub-select sees the table as it was before this row: "first" without a second round trip.
        const string sql = """
            INSERT INTO tracking_events (mail_id, customer_id, kind, link_url, occurred_at, user_agent, ip_hash, probably_automated, automated_reason)
            VALUES (@MailId, @CustomerId, @Kind, @LinkUrl, @OccurredAt, @UserAgent, @IpHash, @ProbablyAutomated, @Reason)
            RETURNING id, NOT EXISTS (SELECT 1 FROM tracking_events e
                                      WHERE e.mail_id = @MailId AND e.kind = 'open' AND NOT e.probably_automated) AS first_human_open
            """;
        var e = trackingEvent;
        var parameters = new
        {
            e.MailId, e.CustomerId, Kind = Code(e.Kind), e.LinkUrl, e.OccurredAt, e.UserAgent, e.IpHash, e.ProbablyAutomated,
            Reason = e.AutomatedReason?.ToString(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long, bool)>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return (row.Item1, row.Item2 && e.Kind == TrackingKind.Open && !e.ProbablyAutomated);
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
                   count(*) FILTER (WHERE e.probably_automated)::int AS automated_count
            FROM tracking_events e
            {filter}
            GROUP BY e.mail_id, e.kind
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new TrackingSummary(r.MailId, Enum.Parse<TrackingKind>(r.Kind, ignoreCase: true), r.Count, r.FirstAt, r.AutomatedCount)).ToList();
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
        public string FirstRecipientName { get; init; } = "";
    }

    private sealed record SummaryRow
    {
        public long MailId { get; init; }
        public string Kind { get; init; } = "";
        public int Count { get; init; }
        public DateTimeOffset? FirstAt { get; init; }
        public int AutomatedCount { get; init; }
    }
}
