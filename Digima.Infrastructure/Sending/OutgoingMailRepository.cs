using Dapper;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Sending;
using Digima.Core.Timeline.Threads;
using Digima.Infrastructure.Timeline;
using Npgsql;

namespace Digima.Infrastructure.Sending;

internal sealed partial class OutgoingMailRepository(NpgsqlDataSource dataSource) : IOutgoingMailRepository
{
    internal const string Columns = """
        id, user_id, status, message_id, subject, body_text, subject_template, body_template, open_tracking,
        click_tracking, notify_on_open, created_at, smtp_accepted_at, sent_at, error, attempts, sent_copy_saved,
        in_reply_to, references_header, scheduled_at, schedule_time_zone, send_after, held_reason, late_by, retry_count
        """;

    public async Task<long> InsertQueuedAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        const string insertMail = """
            INSERT INTO outgoing_mails (user_id, status, message_id, subject, body_text, subject_template, body_template,
                                        open_tracking, click_tracking, notify_on_open, created_at, in_reply_to, references_header)
            VALUES (@UserId, 'queued', @MessageId, @Subject, @BodyText, @SubjectTemplate, @BodyTemplate,
                    @OpenTracking, @ClickTracking, @NotifyOnOpen, @CreatedAt, @InReplyTo, @ReferencesHeader)
            RETURNING id
            """;
        const string insertRecipient = """
            INSERT INTO outgoing_mail_recipients (mail_id, position, kind, customer_id, email, display_name)
            VALUES (@MailId, @Position, @Kind, @CustomerId, @Email, @DisplayName)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insertMail, mail, transaction, cancellationToken: cancellationToken));
        var rows = mail.Recipients.Select((r, i) => new { MailId = id, Position = i, Kind = KindCode(r.Kind), r.CustomerId, r.Email, r.DisplayName });
        await connection.ExecuteAsync(new CommandDefinition(insertRecipient, rows, transaction, cancellationToken: cancellationToken));
        var references = mail.ReferencesHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var thread = new ThreadMessage(mail.MessageId, ThreadMessage.AncestorsOf(references, mail.InReplyTo), mail.Subject, mail.CreatedAt);
        await MailThreadWriter.ThreadAsync(connection, transaction, [thread], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<OutgoingMail?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = $"""
            UPDATE outgoing_mails SET status = 'sending', claimed_at = @now, attempts = attempts + 1
            WHERE id = (SELECT id FROM outgoing_mails WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
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
            UPDATE outgoing_mails SET claimed_at = @now
            WHERE status = 'sending' AND claimed_at < @claimedBefore
            RETURNING {Columns}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mails = (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(sql, new { claimedBefore, now }, cancellationToken: cancellationToken))).AsList();
        return await WithRecipientsAsync(connection, mails, cancellationToken);
    }

    public async Task MarkSmtpAcceptedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET smtp_accepted_at = @at WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, at }, cancellationToken: cancellationToken));
    }

    public Task MarkSentAsync(long id, DateTimeOffset sentAt, bool copySaved, CancellationToken cancellationToken) =>
        MarkSentAsync([id], sentAt, copySaved, cancellationToken);

    public async Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, bool copySaved, CancellationToken cancellationToken)
    {
        // One statement: the mail and its customers' contact fields change together (R25).
        const string sql = """
            WITH sent AS (
                UPDATE outgoing_mails SET status = 'sent', sent_at = @sentAt, sent_copy_saved = @copySaved, error = NULL
                WHERE id = ANY(@ids) AND status = 'sending'
                RETURNING id)
            UPDATE customers c
            SET first_contact_at = LEAST(COALESCE(c.first_contact_at, @sentAt), @sentAt),
                last_contact_at = GREATEST(COALESCE(c.last_contact_at, @sentAt), @sentAt)
            FROM (SELECT DISTINCT r.customer_id FROM outgoing_mail_recipients r JOIN sent ON r.mail_id = sent.id) x
            WHERE c.id = x.customer_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { ids = ids.ToArray(), sentAt, copySaved }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET status = 'failed', error = @error, failed_at = @at WHERE id = @id AND status = 'sending'";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, error, at }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RequeueFailedAsync(long id, long userId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET status = 'queued', claimed_at = NULL WHERE id = @id AND user_id = @userId AND status = 'failed'";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, userId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RequeueStuckAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET status = 'queued', claimed_at = NULL WHERE id = @id AND status = 'sending' AND smtp_accepted_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    internal static string KindCode(RecipientKind kind) => kind.ToString().ToLowerInvariant();
}
