using Dapper;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Sending;
using Digima.Infrastructure.Awaiting;
using Digima.Infrastructure.Customers;
using Npgsql;

namespace Digima.Infrastructure.Sending;

internal sealed partial class OutgoingMailRepository(NpgsqlDataSource dataSource) : IOutgoingMailRepository
{
    internal const string Columns = """
        id, user_id, status, message_id, subject, body_text, subject_template, body_template, open_tracking,
        click_tracking, notify_on_open, created_at, smtp_accepted_at, sent_at, error, attempts, sent_copy_saved,
        in_reply_to, references_header, scheduled_at, schedule_time_zone, send_after, held_reason, late_by, retry_count, thread_index, claim_token, trace_parent
        """;

    public Task<long> InsertAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        OutgoingMailWriter.InsertAsync(dataSource, mail, cancellationToken);

    public async Task<OutgoingMail?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = $"""
            UPDATE outgoing_mails SET status = 'sending', claimed_at = @now, claim_token = gen_random_uuid(), attempts = attempts + 1
            WHERE id = (SELECT id FROM outgoing_mails WHERE status = 'queued' AND (send_after IS NULL OR send_after <= @now)
                        ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mail = await connection.QuerySingleOrDefaultAsync<OutgoingMail>(new CommandDefinition(sql, new { now }, cancellationToken: cancellationToken));
        return mail is null ? null : (await WithRecipientsAsync(connection, [mail], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<OutgoingMail>> ClaimStuckSendingAsync(DateTimeOffset claimedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Re-stamping the claim in the same UPDATE means two recovering nodes never take the same mail.
        const string sql = $"""
            UPDATE outgoing_mails SET claimed_at = @now, claim_token = gen_random_uuid()
            WHERE status = 'sending' AND claimed_at < @claimedBefore
            RETURNING {Columns}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mails = (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(sql, new { claimedBefore, now }, cancellationToken: cancellationToken))).AsList();
        return await WithRecipientsAsync(connection, mails, cancellationToken);
    }

    public async Task<IReadOnlySet<long>> RenewClaimsAsync(IReadOnlyCollection<OutgoingMail> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outgoing_mails m SET claimed_at = @now
            FROM unnest(@ids, @tokens) AS c(id, token)
            WHERE m.id = c.id AND m.claim_token = c.token AND m.status = 'sending'
            RETURNING m.id
            """;
        var held = claimed.Where(m => m.ClaimToken is not null).ToList();
        if (held.Count == 0)
        {
            return new HashSet<long>();
        }

        var args = new { now, ids = held.Select(m => m.Id).ToArray(), tokens = held.Select(m => m.ClaimToken!.Value).ToArray() };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).ToHashSet();
    }

    public async Task MarkSmtpAcceptedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET smtp_accepted_at = @at WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, at }, cancellationToken: cancellationToken));
    }

    private const string RepliedCustomers = """
        SELECT r.customer_id, NULL::timestamptz, NULL::bigint, NULL::bigint, max(s.sent_at)
        FROM outgoing_mail_recipients r JOIN sent s ON r.mail_id = s.id
        WHERE r.kind IN ('to', 'cc') AND r.customer_id IS NOT NULL
        GROUP BY r.customer_id
        """;

    // One statement: the mail, its customers' contact fields (R25) and 返信待ち change together. The send
    // time is the moment the server took the mail (the Date header), when it was recorded.
    private static readonly string MarkSent = $"""
        WITH sent AS (
            UPDATE outgoing_mails SET status = 'sent', sent_at = COALESCE(smtp_accepted_at, @sentAt), sent_copy_saved = @copySaved, error = NULL
            WHERE id = ANY(@ids) AND status = 'sending'
            RETURNING id, sent_at),
        -- 返信待ち: a customer in To or Cc has had our answer; Bcc-only does not count.
        replied AS (
            {ReplyStateSql.Record(RepliedCustomers)})
        {CustomerContactDates.Update("SELECT r.customer_id, min(s.sent_at), max(s.sent_at) FROM outgoing_mail_recipients r JOIN sent s ON r.mail_id = s.id WHERE r.customer_id IS NOT NULL GROUP BY r.customer_id")}
        """;

    public async Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, bool copySaved, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MarkSent, new { ids = ids.ToArray(), sentAt, copySaved }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET status = 'failed', error = @error, failed_at = @at WHERE id = @id AND status = 'sending'";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, error, at }, cancellationToken: cancellationToken));
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset sendAfter, string error, CancellationToken cancellationToken)
    {
        // Only a mail the server never took: an accepted one is finished by recovery, never resent.
        const string sql = """
            UPDATE outgoing_mails SET status = 'queued', send_after = @sendAfter, error = @error, retry_count = retry_count + 1, claimed_at = NULL
            WHERE id = @id AND status = 'sending' AND smtp_accepted_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, sendAfter, error }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RequeueFailedAsync(long id, long userId, CancellationToken cancellationToken)
    {
        // The rep's 「再送信」 starts afresh: due now, with every retry available again.
        const string sql = """
            UPDATE outgoing_mails SET status = 'queued', claimed_at = NULL, send_after = NULL, retry_count = 0
            WHERE id = @id AND user_id = @userId AND status = 'failed'
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, userId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RequeueStuckAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET status = 'queued', claimed_at = NULL, claim_token = NULL WHERE id = @id AND status = 'sending' AND smtp_accepted_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    internal static string KindCode(RecipientKind kind) => kind.ToString().ToLowerInvariant();
}
