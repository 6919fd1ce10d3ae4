using Dapper;
using Digima.Core.Common;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Infrastructure.Sending;
using Npgsql;

namespace Digima.Infrastructure.Scheduling;

/// <summary>Scheduled mail in <c>outgoing_mails</c>. Each status change names the status it starts
/// from in its WHERE, so the send, an edit and a cancel never both win.</summary>
internal sealed partial class ScheduledMailRepository(NpgsqlDataSource dataSource) : IScheduledMailRepository
{
    private const string Columns = OutgoingMailRepository.Columns;

    /// <summary><see cref="Columns"/> of the updated table in an UPDATE ... FROM.</summary>
    private static readonly string ReturningColumns = string.Join(", ", Columns.Split(',').Select(c => "m." + c.Trim()));

    public async Task<MailStatus?> UpdateAsync(ScheduledMailChange change, CancellationToken cancellationToken)
    {
        // The outer SELECT sees the row as it was before the UPDATE: the status the edit found.
        const string sql = """
            WITH changed AS (
                UPDATE outgoing_mails
                SET subject_template = @SubjectTemplate, body_template = @BodyTemplate, subject = @Subject, body_text = @Body,
                    scheduled_at = @ScheduledAt, schedule_time_zone = @TimeZoneId, status = 'scheduled',
                    send_after = NULL, held_reason = NULL, held_cause = NULL, error = NULL, retry_count = 0
                WHERE id = @Id AND user_id = @UserId AND status IN ('scheduled', 'held')
                RETURNING id)
            SELECT status FROM outgoing_mails WHERE id = @Id AND user_id = @UserId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return Status(await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, change, cancellationToken: cancellationToken)));
    }

    public async Task<MailStatus?> CancelAsync(long id, long userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH cancelled AS (
                UPDATE outgoing_mails SET status = 'cancelled', cancelled_at = @at
                WHERE id = @id AND user_id = @userId AND status IN ('scheduled', 'held')
                RETURNING id)
            SELECT status FROM outgoing_mails WHERE id = @id AND user_id = @userId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return Status(await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { id, userId, at }, cancellationToken: cancellationToken)));
    }

    public async Task<OutgoingMail?> ClaimDueAsync(OutgoingMail loaded, DateTimeOffset now, string subject, string body, CancellationToken cancellationToken) =>
        (await ClaimDueAsync([new ScheduledClaim(loaded, subject, body)], now, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<OutgoingMail>> ClaimDueAsync(IReadOnlyList<ScheduledClaim> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Row by row in one statement (a lane's batch). Lateness is noted at the first claim only: a
        // retry is not "late", it is a retry.
        var sql = $"""
            UPDATE outgoing_mails m
            SET status = 'sending', claimed_at = @now, claim_token = gen_random_uuid(), attempts = m.attempts + 1, subject = c.new_subject, body_text = c.new_body,
                late_by = COALESCE(m.late_by, GREATEST(@now - m.scheduled_at, interval '0'))
            FROM unnest(@ids, @subjects, @bodies, @subjectTemplates, @bodyTemplates)
                AS c(mail_id, new_subject, new_body, read_subject_template, read_body_template)
            WHERE m.id = c.mail_id AND m.status = 'scheduled' AND COALESCE(m.send_after, m.scheduled_at) <= @due
              AND m.subject_template IS NOT DISTINCT FROM c.read_subject_template
              AND m.body_template IS NOT DISTINCT FROM c.read_body_template
            RETURNING {ReturningColumns}
            """;
        var args = new
        {
            now,
            due = now + SendScheduledMailCommand.Tolerance,
            ids = claims.Select(c => c.Mail.Id).ToArray(),
            subjects = claims.Select(c => c.Subject).ToArray(),
            bodies = claims.Select(c => c.Body).ToArray(),
            subjectTemplates = claims.Select(c => c.Mail.SubjectTemplate).ToArray(),
            bodyTemplates = claims.Select(c => c.Mail.BodyTemplate).ToArray(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id);
        // In the batch's order, with the recipients read with it (no edit changes them).
        return claims.Where(c => rows.ContainsKey(c.Mail.Id)).Select(c => rows[c.Mail.Id] with { Recipients = c.Mail.Recipients }).ToList();
    }

    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, DateTimeOffset? sendAfter, CancellationToken cancellationToken)
    {
        // Claimed but never handed to the server: as if never claimed, waiting until sendAfter.
        const string sql = """
            UPDATE outgoing_mails SET status = 'scheduled', claimed_at = NULL, attempts = attempts - 1, late_by = NULL, send_after = COALESCE(@sendAfter, send_after)
            WHERE id = ANY(@ids) AND status = 'sending' AND smtp_accepted_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { ids = ids.ToArray(), sendAfter }, cancellationToken: cancellationToken));
    }

    public async Task<bool> HoldAsync(long id, string reason, HeldCause cause, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outgoing_mails SET status = 'held', held_reason = @reason, held_cause = @cause, failed_at = @at
            WHERE id = @id AND status = 'scheduled'
            """;
        var args = new { id, reason, cause = Code(cause), at };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<OutgoingMail>> ReleaseHeldAsync(long userId, HeldCause cause, CancellationToken cancellationToken)
    {
        // As an edit that keeps the content and time: a slot of the rate limit is taken anew.
        const string sql = $"""
            UPDATE outgoing_mails
            SET status = 'scheduled', send_after = NULL, held_reason = NULL, held_cause = NULL, error = NULL, retry_count = 0
            WHERE user_id = @userId AND status = 'held' AND held_cause = @cause
            RETURNING {Columns}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { userId, cause = Code(cause) };
        var mails = (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).AsList();
        return await OutgoingMailRepository.WithRecipientsAsync(connection, mails, cancellationToken);
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset sendAfter, string error, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outgoing_mails SET status = 'scheduled', send_after = @sendAfter, error = @error, retry_count = retry_count + 1, claimed_at = NULL
            WHERE id = @id AND status = 'sending' AND smtp_accepted_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, sendAfter, error }, cancellationToken: cancellationToken));
    }

    public async Task<bool> DeferAsync(long id, DateTimeOffset sendAfter, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE outgoing_mails SET send_after = @sendAfter WHERE id = @id AND status = 'scheduled'";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, sendAfter }, cancellationToken: cancellationToken)) == 1;
    }

    private static string Code(HeldCause cause) => cause.ToString().ToLowerInvariant();

    // Dapper maps an enum column of a row, not a scalar: the status code is parsed here.
    private static MailStatus? Status(string? code) => code is null ? null : Enum.Parse<MailStatus>(code, ignoreCase: true);
}
