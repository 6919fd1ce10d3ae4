using Digima.Core.Compose;
using Digima.Core.LiveUpdates;
using Digima.Core.Notifications;
using Digima.Core.Resources;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Scheduling;

/// <summary>What the trigger of a scheduled mail runs at its time: checks it again (mailbox
/// connected, merge fields filled, R8) and holds it otherwise; takes a slot of the mailbox's rate
/// limit; claims it (scheduled -> sending, one UPDATE, so one node sends); sends; on a transient
/// failure tries again later, on a permanent one fails with the server's reply.</summary>
public sealed class SendScheduledMailCommand(
    IOutgoingMailRepository outbox,
    IScheduledMailRepository scheduled,
    ScheduledMailCheck check,
    ISendPacing pacing,
    IScheduledSendTrigger trigger,
    SendQueuedMailCommand send,
    ICustomerEventRecorder events,
    INotificationRepository notifications,
    ILiveEvents live,
    ScheduledSendOptions options,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text,
    ILogger<SendScheduledMailCommand> logger)
{
    /// <summary>A trigger may fire this much before the stored time (clock skew between nodes).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <summary>Runs the mail whose trigger fired.</summary>
    public Task<ScheduledRun> RunAsync(long mailId, CancellationToken cancellationToken) =>
        RunOneAsync(mailId, cancellationToken);

    private async Task<ScheduledRun> RunOneAsync(long mailId, CancellationToken cancellationToken)
    {
        var mail = await outbox.GetAsync(mailId, cancellationToken);
        if (mail is not { Status: MailStatus.Scheduled, ScheduledAt: { } scheduledAt })
        {
            return ScheduledRun.NotScheduled;
        }

        return await RunScheduledAsync(mail, scheduledAt, cancellationToken);
    }

    private async Task<ScheduledRun> RunScheduledAsync(OutgoingMail mail, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var mailId = mail.Id;

        var now = time.GetUtcNow();
        var due = mail.SendAfter ?? scheduledAt;
        if (due > now + Tolerance)
        {
            // An edit moved the time while this trigger was firing: follow the stored time.
            await trigger.ScheduleAsync(mailId, due, cancellationToken);
            return ScheduledRun.NotDue;
        }

        var primary = mail.PrimaryCustomerId;
        var rendered = await check.CheckAsync(mail.UserId, primary, mail.SubjectTemplate, mail.BodyTemplate, cancellationToken);
        if (!rendered.Succeeded)
        {
            return await HoldAsync(mail, string.Join(" ", rendered.Errors.Select(e => e.ErrorMessage)), cancellationToken)
                ? ScheduledRun.Held
                : ScheduledRun.NotScheduled;
        }

        if (mail.SendAfter is null && options.Spacing is { } spacing)
        {
            var slot = await pacing.ReserveSlotAsync(mail.UserId, now, spacing, cancellationToken);
            if (slot > now + Tolerance)
            {
                // Spaced, never dropped: the trigger moves to the slot and the mail keeps it.
                if (await scheduled.DeferAsync(mailId, slot, cancellationToken))
                {
                    await trigger.ScheduleAsync(mailId, slot, cancellationToken);
                }

                return ScheduledRun.Deferred;
            }
        }

        var claimed = await scheduled.ClaimDueAsync(mail, time.GetUtcNow(), rendered.Value!.Subject, rendered.Value.Body, cancellationToken);
        if (claimed is null)
        {
            return ScheduledRun.NotScheduled;
        }

        await send.PublishAsync(claimed, MailStatus.Sending, cancellationToken);
        var result = await send.TrySendAsync(rendered.Value.Mailbox, claimed, cancellationToken);
        return result.Succeeded ? ScheduledRun.Sent : await FailedAsync(claimed, result, cancellationToken);
    }

    /// <summary>A claimed mail the server did not take: a transient failure tries again later, a
    /// permanent one (or the last retry) fails with the server's reply.</summary>
    internal async Task<ScheduledRun> FailedAsync(OutgoingMail claimed, TransportResult result, CancellationToken cancellationToken)
    {
        var mailId = claimed.Id;
        var error = result.Error ?? text["SendFailed"];
        if (TransientRetry.NextAttempt(result, claimed.RetryCount, options.RetryBackoff, time.GetUtcNow()) is { } retryAt)
        {
            logger.LogWarning("Scheduled mail {MailId} failed for now, retrying at {RetryAt}: {Error}", mailId, retryAt, error);
            await scheduled.RetryLaterAsync(mailId, retryAt, error, cancellationToken);
            await trigger.ScheduleAsync(mailId, retryAt, cancellationToken);
            await send.PublishAsync(claimed, MailStatus.Scheduled, cancellationToken);
            return ScheduledRun.RetryLater;
        }

        logger.LogWarning("Scheduled mail {MailId} failed: {Error}", mailId, error);
        await send.FailAsync(claimed, error, cancellationToken);
        return ScheduledRun.Failed;
    }

    /// <summary>The one place a scheduled mail becomes held (保留): the rep is told under the bell
    /// and by a snackbar on any node, the list and the customers' timelines show it.</summary>
    /// <returns>False when the mail was no longer scheduled (sent, edited or cancelled meanwhile): nothing is told.</returns>
    internal async Task<bool> HoldAsync(OutgoingMail mail, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await scheduled.HoldAsync(mail.Id, reason, now, cancellationToken))
        {
            return false;
        }

        logger.LogInformation("Scheduled mail {MailId} held: {Reason}", mail.Id, reason);
        var customers = mail.Recipients.Select(r => r.CustomerId).Distinct().ToList();
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
        await send.PublishAsync(mail, MailStatus.Held, cancellationToken);
        return true;
    }
}

public enum ScheduledRun
{
    Sent,
    Held,
    Deferred,
    RetryLater,
    Failed,
    NotDue,

    /// <summary>Cancelled, edited, sent or claimed by another node in the meantime: nothing to do.</summary>
    NotScheduled,
}
