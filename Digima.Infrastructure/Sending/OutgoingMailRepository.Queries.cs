using Dapper;
using Digima.Core.Common;
using Digima.Core.Sending;
using Npgsql;

namespace Digima.Infrastructure.Sending;

/// <summary>The read side of the outbox: lists and the recipients that go with them.</summary>
internal sealed partial class OutgoingMailRepository
{
    public async Task<OutgoingMail?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM outgoing_mails WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mail = await connection.QuerySingleOrDefaultAsync<OutgoingMail>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return mail is null ? null : (await WithRecipientsAsync(connection, [mail], cancellationToken))[0];
    }

    public async Task<PagedResult<OutgoingMail>> ListForUserAsync(long userId, IndividualMailFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        // One statement with or without a filter: an open end is -infinity or infinity, no status
        // is '', so the range stays on the index outgoing_mails_user_shown.
        const string sql = $"""
            SELECT {Columns}, count(*) OVER () AS total_count
            FROM outgoing_mails WHERE user_id = @userId
              AND COALESCE(sent_at, scheduled_at, created_at) >= @from AND COALESCE(sent_at, scheduled_at, created_at) < @to
              AND (@status = '' OR status = @status)
              AND (@outcome = ''
                   OR (@outcome = 'replied' AND replied)
                   OR (@outcome IN ('opened', 'clicked') AND EXISTS (
                       SELECT 1 FROM tracking_events t
                       WHERE t.mail_id = outgoing_mails.id AND t.kind = CASE @outcome WHEN 'opened' THEN 'open' ELSE 'click' END
                         AND NOT t.probably_automated)))
            ORDER BY COALESCE(sent_at, scheduled_at, created_at) DESC, id DESC
            LIMIT @limit OFFSET @offset
            """;
        var from = filter.From ?? DateTimeOffset.MinValue;
        var to = filter.To ?? DateTimeOffset.MaxValue;
        var status = filter.Status?.ToString().ToLowerInvariant() ?? "";
        // The same rules as the dashboard's counts (DashboardQueries), so a number and its list agree.
        var outcome = filter.Outcome?.ToString().ToLowerInvariant() ?? "";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutgoingMail, long, (OutgoingMail Mail, long Total)>(
            new CommandDefinition(sql, new { userId, from, to, status, outcome, limit, offset }, cancellationToken: cancellationToken),
            (mail, total) => (mail, total), splitOn: "total_count")).AsList();
        var mails = await WithRecipientsAsync(connection, rows.Select(r => r.Mail).ToList(), cancellationToken);
        return new PagedResult<OutgoingMail>(mails, rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    public async Task<IReadOnlyList<OutgoingMail>> ListForCustomerAsync(long customerId, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns} FROM outgoing_mails m
            WHERE EXISTS (SELECT 1 FROM outgoing_mail_recipients r WHERE r.mail_id = m.id AND r.customer_id = @customerId)
            ORDER BY COALESCE(sent_at, scheduled_at, created_at) DESC, id DESC
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mails = (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(sql, new { customerId, limit }, cancellationToken: cancellationToken))).AsList();
        return await WithRecipientsAsync(connection, mails, cancellationToken);
    }

    internal static async Task<IReadOnlyList<OutgoingMail>> WithRecipientsAsync(
        NpgsqlConnection connection, IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT mail_id, kind, customer_id, user_id, email, display_name
            FROM outgoing_mail_recipients WHERE mail_id = ANY(@ids) ORDER BY mail_id, position
            """;
        if (mails.Count == 0)
        {
            return mails;
        }

        var rows = await connection.QueryAsync<RecipientRow>(new CommandDefinition(sql, new { ids = mails.Select(m => m.Id).ToArray() }, cancellationToken: cancellationToken));
        var byMail = rows.ToLookup(r => r.MailId);
        return mails.Select(m => m with
        {
            Recipients = byMail[m.Id].Select(r => new OutgoingRecipient(r.Kind, r.CustomerId, r.Email, r.DisplayName, r.UserId)).ToList(),
        }).ToList();
    }

    private sealed class RecipientRow
    {
        public long MailId { get; init; }
        public Core.Compose.RecipientKind Kind { get; init; }
        public long? CustomerId { get; init; }
        public long? UserId { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
    }
}
