using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Core.Telemetry;

namespace Digima.Core.Scheduling;

/// <summary>What the trigger of a scheduled mail runs at its time: checks it again (mailbox
/// connected, merge fields filled, R8) and holds it otherwise; takes a slot of the mailbox's rate
/// limit; claims it (scheduled -> sending, one UPDATE, so one node sends); sends it
/// (<see cref="MailDelivery"/>); what a failure becomes is <see cref="ScheduledMailOutcomes"/>'s.</summary>
public sealed class SendScheduledMailCommand(
    IOutgoingMailRepository outbox,
    IScheduledMailRepository scheduled,
    ScheduledMailCheck check,
    ISendPacing pacing,
    IScheduledSendTrigger trigger,
    MailDelivery delivery,
    ScheduledMailOutcomes outcomes,
    ScheduledSendOptions options,
    TimeProvider time)
{
    /// <summary>A trigger may fire this much before the stored time (clock skew between nodes).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <summary>Runs the mail whose trigger fired.</summary>
    /// <param name="stopping">The node is stopping: a claimed mail not yet handed over is released.</param>
    public async Task<ScheduledRun> RunAsync(long mailId, CancellationToken stopping)
    {
        var mail = await outbox.GetAsync(mailId, stopping);
        if (mail is not { Status: MailStatus.Scheduled, ScheduledAt: { } scheduledAt })
        {
            return ScheduledRun.NotScheduled;
        }

        // A trace of its own, linked to the one 「予約送信」 was written in hours before.
        using var span = DigimaTelemetry.StartLinked(SpanNames.ScheduledSend, mail.TraceParent);
        span?.SetTag(TelemetryTags.MailId, mail.Id).SetTag(TelemetryTags.UserId, mail.UserId);
        var now = time.GetUtcNow();
        var due = mail.SendAfter ?? scheduledAt;
        if (due > now + Tolerance)
        {
            // An edit moved the time while this trigger was firing: follow the stored time.
            await trigger.ScheduleAsync(mailId, due, stopping);
            return ScheduledRun.NotDue;
        }

        Outcome<RenderedMail> rendered;
        try
        {
            rendered = await check.CheckAsync(mail.UserId, mail.PrimaryCustomerId, mail.SubjectTemplate, mail.BodyTemplate, stopping);
        }
        catch (MailboxTokenUnavailableException e)
        {
            return await outcomes.TokenUnavailableAsync([mail], e, stopping);
        }

        if (!rendered.Succeeded)
        {
            return await outcomes.HoldAsync(mail, rendered.Errors, stopping) ? ScheduledRun.Held : ScheduledRun.NotScheduled;
        }

        if (await DeferToSlotAsync(mail, now, stopping))
        {
            return ScheduledRun.Deferred;
        }

        var claimed = await scheduled.ClaimDueAsync(mail, time.GetUtcNow(), rendered.Value!.Subject, rendered.Value.Body, stopping);
        if (claimed is null)
        {
            return ScheduledRun.NotScheduled;
        }

        // Not the stopping token from here: a claimed mail is sent or released, never left half done.
        var delivered = await delivery.DeliverAsync(rendered.Value.Mailbox, [claimed], stopping);
        if (delivered.Failed is [var failed])
        {
            return await outcomes.RetryOrFailAsync(failed, CancellationToken.None);
        }

        if (delivered.NotTried.Count > 0)
        {
            await outcomes.ReleaseAsync(delivered.NotTried, dueAgain: null, CancellationToken.None);
            return ScheduledRun.RetryLater;
        }

        return ScheduledRun.Sent;
    }

    /// <summary>With a rate limit (R7) the mail takes the mailbox's next slot; spaced, never dropped:
    /// when the slot is later, the trigger moves to it and the mail keeps it.</summary>
    /// <returns>True when the mail waits for a later slot.</returns>
    private async Task<bool> DeferToSlotAsync(OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (mail.SendAfter is not null || options.Spacing is not { } spacing)
        {
            return false;
        }

        var slot = await pacing.ReserveSlotAsync(mail.UserId, now, spacing, cancellationToken);
        if (slot <= now + Tolerance)
        {
            return false;
        }

        if (await scheduled.DeferAsync(mail.Id, slot, cancellationToken))
        {
            await trigger.ScheduleAsync(mail.Id, slot, cancellationToken);
        }

        return true;
    }
}

public enum ScheduledRun
{
    Sent,
    Held,
    Deferred,

    /// <summary>Not handed over now (the server failed for now, or the node is stopping): due again later.</summary>
    RetryLater,
    Failed,
    NotDue,

    /// <summary>Cancelled, edited, sent or claimed by another node in the meantime: nothing to do.</summary>
    NotScheduled,
}
