using Digima.Core.Compose;
using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Digima.Core.Notifications;
using Digima.Core.Resources;
using Digima.Core.Sending;
using Digima.Core.Telemetry;
using Digima.Core.Timeline;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Scheduling;

/// <summary>What a scheduled mail becomes when it cannot go out at its time, the one policy for a
/// trigger and a send lane alike: held (保留) when the check at send time fails; tried again later
/// when the server failed for now (<see cref="TransientRetry"/>); failed when the server refused
/// it for good; released (back to scheduled) when claimed but never handed over.</summary>
public sealed class ScheduledMailOutcomes(
    IScheduledMailRepository scheduled,
    IScheduledSendTrigger trigger,
    MailFailure failure,
    ICustomerEventRecorder events,
    INotificationRepository notifications,
    ILiveEvents live,
    ScheduledSendOptions options,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text,
    ILogger<ScheduledMailOutcomes> logger)
{
    /// <summary>The one place a scheduled mail becomes held (保留): the rep is told under the bell
    /// and by a snackbar on any node, the list and the customers' timelines show it.</summary>
    /// <param name="failures">What the check at send time found; a mailbox problem makes the hold one
    /// that connecting the mailbox again releases (<see cref="HeldCause.Mailbox"/>).</param>
    /// <returns>False when the mail was no longer scheduled (sent, edited or cancelled meanwhile): nothing is told.</returns>
    public async Task<bool> HoldAsync(OutgoingMail mail, IReadOnlyList<ValidationFailure> failures, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reason = string.Join(" ", failures.Select(e => e.ErrorMessage));
        var cause = failures.Any(f => f.PropertyName == SendMailCommand.MailboxProblem) ? HeldCause.Mailbox : HeldCause.Content;
        if (!await scheduled.HoldAsync(mail.Id, reason, cause, now, cancellationToken))
        {
            return false;
        }

        logger.LogInformation("Scheduled mail {MailId} held: {Reason}", mail.Id, reason);
        DigimaTelemetry.MailHeld();
        var customers = mail.CustomerIds;
        await events.RecordAsync(
            customers.Select(id => new CustomerEvent(id, CustomerEventKind.Held, now, mail.UserId, mail.Id, reason)).ToList(),
            cancellationToken);
        var notification = new Notification
        {
            UserId = mail.UserId,
            Kind = NotificationKind.Held,
            MailId = mail.Id,
            CustomerId = customers.Count == 1 ? customers[0] : null,
            Subject = mail.Subject,
            CreatedAt = now,
        };
        var notificationId = await notifications.InsertAsync(notification, cancellationToken);
        await live.PublishAsync(new ScheduledMailHeld(mail.Id, mail.UserId, reason), cancellationToken);
        await live.PublishAsync(new NotificationCreated(notificationId, mail.UserId), cancellationToken);
        await live.PublishStatusAsync(mail, MailStatus.Held, cancellationToken);
        return true;
    }

    /// <summary>A claimed mail the server did not take: a transient failure tries again later (its
    /// trigger moved there), a permanent one (or the last retry) fails with the server's reply.</summary>
    public async Task<ScheduledRun> RetryOrFailAsync(FailedDelivery failed, CancellationToken cancellationToken)
    {
        var (mail, result) = failed;
        var error = result.Error ?? text["SendFailed"];
        if (TransientRetry.NextAttempt(result, mail.RetryCount, options.RetryBackoff, time.GetUtcNow()) is { } retryAt)
        {
            logger.LogWarning("Scheduled mail {MailId} failed for now, retrying at {RetryAt}: {Error}", mail.Id, retryAt, error);
            await scheduled.RetryLaterAsync(mail.Id, retryAt, error, cancellationToken);
            await trigger.ScheduleAsync(mail.Id, retryAt, cancellationToken);
            await live.PublishStatusAsync(mail, MailStatus.Scheduled, cancellationToken);
            return ScheduledRun.RetryLater;
        }

        logger.LogWarning("Scheduled mail {MailId} failed: {Error}", mail.Id, error);
        await failure.FailAsync(mail, error, cancellationToken);
        return ScheduledRun.Failed;
    }

    /// <summary>Due mail whose mailbox has no access token for now (the provider's token endpoint
    /// failed): the grant may be good, so each waits like mail a server did not take for now (claimed
    /// first, so no other node sends it meanwhile; the same waits), and fails after the last.</summary>
    /// <returns>RetryLater, or NotScheduled when none was still due and unedited.</returns>
    public async Task<ScheduledRun> TokenUnavailableAsync(IReadOnlyList<OutgoingMail> due, MailboxTokenUnavailableException e, CancellationToken cancellationToken)
    {
        logger.LogWarning("Scheduled mail of user {UserId} has no access token for now: {Error}", due[0].UserId, e.Message);
        // The content filled when it was scheduled; the next claim fills it again.
        var claimed = await scheduled.ClaimDueAsync(due.Select(m => new ScheduledClaim(m, m.Subject, m.BodyText)).ToList(), time.GetUtcNow(), cancellationToken);
        var result = new TransportResult(false, text["MailboxTokenUnavailable"]);
        foreach (var mail in claimed)
        {
            await RetryOrFailAsync(new FailedDelivery(mail, result), CancellationToken.None);
        }

        return claimed.Count > 0 ? ScheduledRun.RetryLater : ScheduledRun.NotScheduled;
    }

    /// <summary>Claimed mail never handed to the server (the server failed for the mail before it,
    /// or the node is stopping): back to scheduled, due again at <paramref name="dueAgain"/> or, when
    /// null, at once for the other nodes. Each keeps its trigger; the sweeper gives one to any
    /// whose trigger has fired.</summary>
    public async Task ReleaseAsync(IReadOnlyList<OutgoingMail> claimed, DateTimeOffset? dueAgain, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0)
        {
            return;
        }

        logger.LogInformation("Released {Count} claimed scheduled mails, due again at {DueAgain}", claimed.Count, dueAgain);
        await scheduled.ReleaseAsync(claimed.Select(m => m.Id).ToList(), dueAgain, cancellationToken);
        await live.PublishStatusAsync(claimed, MailStatus.Scheduled, cancellationToken);
    }
}
