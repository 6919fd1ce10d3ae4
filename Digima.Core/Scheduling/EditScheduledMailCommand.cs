using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Resources;
using Digima.Core.Sending;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Scheduling;

/// <summary>Changes a scheduled or held mail's subject, body and time until sending starts. The
/// change is refused with a clear reason when the send claimed the mail first. The edited mail
/// passes the compose validator, as a new one does: an edit is another way mail content enters.</summary>
public sealed class EditScheduledMailCommand(
    IValidator<ComposeInput> validator,
    IOutgoingMailRepository outbox,
    IScheduledMailRepository scheduled,
    ScheduledMailCheck check,
    IScheduledSendTrigger trigger,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<bool>> EditAsync(CurrentUser actor, ScheduledMailEdit edit, CancellationToken cancellationToken)
    {
        var mail = await outbox.GetAsync(edit.MailId, cancellationToken);
        if (mail is null || mail.UserId != actor.Id)
        {
            throw new NotFoundException($"Mail {edit.MailId} is not this user's.");
        }

        var validation = await validator.ValidateAsync(AsComposed(mail, edit), cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<bool>.Failure(validation.Errors);
        }

        var zoneId = edit.TimeZoneId ?? mail.ScheduleTimeZone ?? actor.TimeZoneId;
        var sendAt = SendTimeRules.ToUtc(edit.LocalSendAt, zoneId);
        if (SendTimeRules.Problem(sendAt, time.GetUtcNow()) is { } problem)
        {
            return Outcome<bool>.Failure(ScheduleMailCommand.TimeProblem, text[problem]);
        }

        var primary = mail.PrimaryCustomerId;
        var rendered = await check.CheckAsync(actor.Id, primary, edit.Subject, edit.Body, cancellationToken);
        if (!rendered.Succeeded)
        {
            return Outcome<bool>.Failure(rendered.Errors);
        }

        var change = new ScheduledMailChange(
            mail.Id, actor.Id, edit.Subject, edit.Body, rendered.Value!.Subject, rendered.Value.Body, sendAt, TimeZones.Find(zoneId).Id);
        var was = await scheduled.UpdateAsync(change, cancellationToken);
        if (was is not (MailStatus.Scheduled or MailStatus.Held))
        {
            return Outcome<bool>.Failure(nameof(MailStatus), text[RefusalKey(was)]);
        }

        await trigger.ScheduleAsync(mail.Id, sendAt, cancellationToken);
        return Outcome<bool>.Success(true);
    }

    /// <summary>The mail as the compose screen would hold it after the edit: its recipients and
    /// reply headers unchanged, the subject and body as now typed.</summary>
    private static ComposeInput AsComposed(OutgoingMail mail, ScheduledMailEdit edit) => new()
    {
        To = Recipients(mail, RecipientKind.To),
        Cc = Recipients(mail, RecipientKind.Cc),
        Bcc = Recipients(mail, RecipientKind.Bcc),
        Subject = edit.Subject,
        Body = edit.Body,
        InReplyTo = mail.InReplyTo,
    };

    private static List<ComposeRecipient> Recipients(OutgoingMail mail, RecipientKind kind) =>
        mail.RecipientsOf(kind).Select(r => r.AsComposed()).ToList();

    internal static string RefusalKey(MailStatus? status) => status switch
    {
        MailStatus.Sending => "ScheduleAlreadySending",
        MailStatus.Sent => "ScheduleAlreadySent",
        MailStatus.Cancelled => "ScheduleAlreadyCancelled",
        _ => "ScheduleNotChangeable",
    };
}

/// <summary>What the rep changed: subject and body as typed (merge tokens kept) and the wall-clock time.</summary>
public sealed record ScheduledMailEdit(long MailId, string Subject, string Body, DateTime LocalSendAt, string? TimeZoneId = null);
