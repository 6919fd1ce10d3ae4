using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Scheduling;
using Digima.Core.Timeline;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Sending;

/// <summary>Sends one claimed mail through the rep's SMTP server, saves one copy in Sent, then
/// marks it sent and updates the customers' contact fields. Each step is recorded as it
/// happens, so a crash anywhere can be resolved without a duplicate (see RecoverStuckMailCommand).
/// A transient failure of 「今すぐ送信」 waits in the queue and is tried again, as scheduled mail is.</summary>
public sealed class SendQueuedMailCommand(
    IOutgoingMailRepository outbox,
    IMailboxConnections mailboxes,
    IOutgoingMailTransport transport,
    ILiveEvents live,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text,
    ICustomerEventRecorder events,
    ScheduledSendOptions retries,
    ILogger<SendQueuedMailCommand> logger)
{
    public async Task SendAsync(OutgoingMail claimed, CancellationToken cancellationToken)
    {
        await PublishAsync(claimed, MailStatus.Sending, cancellationToken);
        MailboxConnection? mailbox;
        try
        {
            mailbox = await mailboxes.GetAsync(claimed.UserId, cancellationToken);
        }
        catch (SecretUnreadableException)
        {
            // The key ring lost the key that protected the password: only reconnecting helps.
            await FailAsync(claimed, text["MailboxSecretUnreadable"], cancellationToken);
            return;
        }

        if (mailbox is null)
        {
            await FailAsync(claimed, text["MailboxNotConnected"], cancellationToken);
            return;
        }

        var sent = await TrySendAsync(mailbox, claimed, cancellationToken);
        if (sent.Succeeded)
        {
            return;
        }

        // A transient failure (server busy, connection lost before it took the mail) is tried
        // again after the waits scheduled mail uses; a permanent one, or the last retry, fails.
        var error = sent.Error ?? text["SendFailed"];
        if (TransientRetry.NextAttempt(sent, claimed.RetryCount, retries.RetryBackoff, time.GetUtcNow()) is { } retryAt)
        {
            logger.LogWarning("Mail {MailId} failed for now, retrying at {RetryAt}: {Error}", claimed.Id, retryAt, error);
            await outbox.RetryLaterAsync(claimed.Id, retryAt, error, cancellationToken);
            await PublishAsync(claimed, MailStatus.Queued, cancellationToken);
            return;
        }

        logger.LogWarning("Mail {MailId} was not sent: {Error}", claimed.Id, error);
        await FailAsync(claimed, error, cancellationToken);
    }

    /// <summary>Sends a claimed mail and finishes it; on a failure the mail stays in sending and
    /// the caller decides (fail now, or retry later for a scheduled mail).</summary>
    public async Task<TransportResult> TrySendAsync(MailboxConnection mailbox, OutgoingMail claimed, CancellationToken cancellationToken)
    {
        var accepted = new List<OutgoingMail>(1);
        var sent = await TryDeliverAsync(mailbox, claimed, accepted, cancellationToken);
        if (sent.Succeeded)
        {
            await FinishAcceptedAsync(mailbox, accepted, cancellationToken);
        }

        return sent;
    }

    /// <summary>Sends a claimed mail and records the server's acceptance, leaving its Sent copy and
    /// the sent mark to <see cref="FinishAcceptedAsync"/> with others of the same mailbox (one
    /// command for all the copies). A mail accepted in an earlier attempt is finished here.</summary>
    /// <param name="accepted">Gets the mail when the server accepted it just now.</param>
    public async Task<TransportResult> TryDeliverAsync(
        MailboxConnection mailbox, OutgoingMail claimed, ICollection<OutgoingMail> accepted, CancellationToken cancellationToken)
    {
        if (claimed.SmtpAcceptedAt is not null)
        {
            await FinishAsync(mailbox, claimed, copyMayExist: true, cancellationToken);
            return TransportResult.Ok;
        }

        var sent = await transport.SendAsync(mailbox, claimed, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent;
        }

        var acceptedAt = sent.Date ?? time.GetUtcNow();
        await outbox.MarkSmtpAcceptedAsync(claimed.Id, acceptedAt, cancellationToken);
        accepted.Add(claimed with { SmtpAcceptedAt = acceptedAt });
        return TransportResult.Ok;
    }

    /// <summary>The Sent copies of mail the server accepted just now, appended together, then each
    /// marked sent. Until then each is in sending with its acceptance recorded, which is what
    /// recovery finishes (copy looked for, then added) should the node die in between.</summary>
    public async Task FinishAcceptedAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> accepted, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var copySaved = false;
        if (mailbox.SaveCopyToSent)
        {
            var saved = await transport.SaveToSentAsync(mailbox, accepted, cancellationToken);
            copySaved = saved.Succeeded;
            if (!saved.Succeeded)
            {
                logger.LogWarning("{Count} mails were sent but their copies were not saved in Sent: {Error}", accepted.Count, saved.Error);
            }
        }

        await outbox.MarkSentAsync(accepted.Select(m => m.Id).ToList(), time.GetUtcNow(), copySaved, cancellationToken);
        await PublishAsync(accepted, MailStatus.Sent, cancellationToken);
    }

    /// <summary>After the SMTP server accepted the mail: the Sent copy, then sent. The copy is only
    /// appended after acceptance was recorded, so one can exist only when acceptance was recorded
    /// before this attempt (<paramref name="copyMayExist"/>).</summary>
    internal async Task FinishAsync(MailboxConnection mailbox, OutgoingMail mail, bool copyMayExist, CancellationToken cancellationToken)
    {
        var copySaved = false;
        if (mailbox.SaveCopyToSent)
        {
            // The customer has the mail already: a failed copy is logged, never a reason to resend.
            var saved = await transport.SaveToSentAsync(mailbox, mail, copyMayExist, cancellationToken);
            copySaved = saved.Succeeded;
            if (!saved.Succeeded)
            {
                logger.LogWarning("Mail {MailId} was sent but its copy was not saved in Sent: {Error}", mail.Id, saved.Error);
            }
        }

        await outbox.MarkSentAsync(mail.Id, time.GetUtcNow(), copySaved, cancellationToken);
        await PublishAsync(mail, MailStatus.Sent, cancellationToken);
    }

    /// <summary>Tells open screens (個別メール, the customer's profile) on every node.</summary>
    internal Task PublishAsync(OutgoingMail mail, MailStatus status, CancellationToken cancellationToken) =>
        live.PublishAsync(StatusChanged(mail, status), cancellationToken);

    /// <summary>Several mails' changes in one round trip (a lane's batch).</summary>
    internal Task PublishAsync(IReadOnlyList<OutgoingMail> mails, MailStatus status, CancellationToken cancellationToken) =>
        mails.Count == 0 ? Task.CompletedTask : live.PublishAsync(mails.Select(m => (LiveEvent)StatusChanged(m, status)).ToList(), cancellationToken);

    private static OutgoingMailStatusChanged StatusChanged(OutgoingMail mail, MailStatus status) =>
        new(mail.Id, mail.UserId, status, mail.Recipients.Select(r => r.CustomerId).Distinct().ToList());

    /// <summary>The one way a mail fails: marked failed, the failure on each recipient's timeline
    /// (R13), open screens told.</summary>
    internal async Task FailAsync(OutgoingMail mail, string error, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await outbox.MarkFailedAsync(mail.Id, error, at, cancellationToken);
        var failed = mail.Recipients.Select(r => r.CustomerId).Distinct()
            .Select(id => new CustomerEvent(id, CustomerEventKind.Failed, at, mail.UserId, mail.Id, error))
            .ToList();
        await events.RecordAsync(failed, cancellationToken);
        await PublishAsync(mail, MailStatus.Failed, cancellationToken);
    }
}
