using System.Diagnostics;
using Dapper;
using Digima.Core.Attachments;
using Digima.Infrastructure.Attachments;
using Digima.Core.Sending;
using Digima.Core.Timeline.Threads;
using Digima.Infrastructure.Timeline;
using Npgsql;

namespace Digima.Infrastructure.Sending;

/// <summary>The one way an outgoing mail enters the outbox, queued (「今すぐ送信」) or scheduled
/// (「予約送信」): the mail, its recipients, its attachments and its row in mail_threads, in one transaction. Two
/// copies of this insert once drifted apart and scheduled mail stopped being threaded; keep one.
/// The customers' timeline rows are not written here: the trigger
/// <c>outgoing_mail_recipients_timeline</c> (function <c>customer_timeline_add_outgoing</c>,
/// migrations 2026-11-27-0040, 2026-12-07-0100 and 2026-12-08-1100) adds one per customer (colleagues and plain addresses have none) as the recipients are
/// inserted, and <c>outgoing_mails_moved</c> moves them when the mail is sent or rescheduled.</summary>
internal static class OutgoingMailWriter
{
    private const string InsertMail = """
        INSERT INTO outgoing_mails (user_id, status, message_id, subject, body_text, subject_template, body_template,
                                    open_tracking, click_tracking, notify_on_open, created_at, in_reply_to, references_header,
                                    scheduled_at, schedule_time_zone, send_after, thread_index, trace_parent)
        VALUES (@UserId, @StatusCode, @MessageId, @Subject, @BodyText, @SubjectTemplate, @BodyTemplate,
                @OpenTracking, @ClickTracking, @NotifyOnOpen, @CreatedAt, @InReplyTo, @ReferencesHeader,
                @ScheduledAt, @ScheduleTimeZone, @SendAfter, @ThreadIndex, @TraceParent)
        RETURNING id
        """;

    private const string InsertRecipient = """
        INSERT INTO outgoing_mail_recipients (mail_id, position, kind, customer_id, user_id, email, display_name)
        VALUES (@MailId, @Position, @Kind, @CustomerId, @UserId, @Email, @DisplayName)
        """;

    /// <exception cref="ArgumentException">The mail is neither queued nor scheduled (with its time).</exception>
    public static async Task<long> InsertAsync(NpgsqlDataSource dataSource, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var statusCode = mail switch
        {
            { Status: MailStatus.Queued, ScheduledAt: null } => "queued",
            { Status: MailStatus.Scheduled, ScheduledAt: not null } => "scheduled",
            _ => throw new ArgumentException($"A new outgoing mail is queued, or scheduled with a time; not {mail.Status}.", nameof(mail)),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var references = mail.ReferencesHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ancestors = ThreadMessage.AncestorsOf(references, mail.InReplyTo);
        var threadIndex = await MailThreadWriter.ThreadIndexForAsync(connection, transaction, ancestors, mail.CreatedAt, cancellationToken);
        var args = new
        {
            mail.UserId, StatusCode = statusCode, mail.MessageId, mail.Subject, mail.BodyText, mail.SubjectTemplate, mail.BodyTemplate,
            mail.OpenTracking, mail.ClickTracking, mail.NotifyOnOpen, mail.CreatedAt, mail.InReplyTo, mail.ReferencesHeader,
            mail.ScheduledAt, mail.ScheduleTimeZone, mail.SendAfter, ThreadIndex = threadIndex,
            // The span the mail is written in (「今すぐ送信」's): the node that sends it continues it.
            TraceParent = mail.TraceParent ?? (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null),
        };
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertMail, args, transaction, cancellationToken: cancellationToken));
        var rows = mail.Recipients.Select((r, i) => new
        {
            MailId = id, Position = i, Kind = OutgoingMailRepository.KindCode(r.Kind), r.CustomerId, r.UserId, r.Email, r.DisplayName,
        });
        await connection.ExecuteAsync(new CommandDefinition(InsertRecipient, rows, transaction, cancellationToken: cancellationToken));
        var attachmentIds = mail.AttachmentIds.Distinct().ToList();
        if (attachmentIds.Count > 0
            && await AttachmentStore.AttachToOutgoingAsync(connection, transaction, attachmentIds, mail.UserId, id, cancellationToken) != attachmentIds.Count)
        {
            // Rolled back by disposal: no mail, no recipients, every file still the rep's loose upload.
            throw new AttachmentsUnavailableException($"Some of files {string.Join(", ", attachmentIds)} are not user {mail.UserId}'s loose files.");
        }

        // Threaded as written (R15, R17), so 「スレッドを表示」 shows it while it waits and a reply
        // that arrives later joins it. An edit changes neither Message-ID nor references: it keeps the thread.
        var thread = new ThreadMessage(mail.MessageId, ancestors, mail.Subject, mail.ScheduledAt ?? mail.CreatedAt) { ThreadIndex = threadIndex };
        await MailThreadWriter.ThreadAsync(connection, transaction, [thread], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}
