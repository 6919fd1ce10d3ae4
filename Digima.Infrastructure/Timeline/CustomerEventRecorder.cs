using Dapper;
using Digima.Core.Timeline;
using Npgsql;

namespace Digima.Infrastructure.Timeline;

/// <summary>Stores customer events; a trigger puts each on the customer's timeline in the same statement.</summary>
internal sealed class CustomerEventRecorder(NpgsqlDataSource dataSource) : ICustomerEventRecorder
{
    private const int MaxDetail = 2000;

    public async Task RecordAsync(IReadOnlyCollection<CustomerEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO customer_events (customer_id, kind, occurred_at, user_id, outgoing_mail_id, detail)
            SELECT * FROM unnest(@CustomerIds, @Kinds, @Ats, @UserIds, @MailIds, @Details)
            """;
        var args = new
        {
            CustomerIds = events.Select(e => e.CustomerId).ToArray(),
            Kinds = events.Select(e => e.Kind.Code()).ToArray(),
            Ats = events.Select(e => e.OccurredAt.ToUniversalTime()).ToArray(),
            UserIds = events.Select(e => e.UserId).ToArray(),
            MailIds = events.Select(e => e.OutgoingMailId).ToArray(),
            Details = events.Select(e => e.Detail.Length > MaxDetail ? e.Detail[..MaxDetail] : e.Detail).ToArray(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }
}
