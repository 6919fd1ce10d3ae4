using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Scheduling;
using Digima.Core.Telemetry;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Sending;

/// <summary>「今すぐ送信」: sends one claimed mail from the rep's mailbox (<see cref="MailDelivery"/>).
/// A transient failure waits in the queue and is tried again after the waits scheduled mail uses
/// (<see cref="TransientRetry"/>); a permanent one, or the last retry, fails with the server's reply.</summary>
public sealed class SendQueuedMailCommand(
    IMailboxConnections mailboxes,
    MailDelivery delivery,
    MailFailure failure,
    IOutgoingMailRepository outbox,
    ILiveEvents live,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text,
    ScheduledSendOptions retries,
    ILogger<SendQueuedMailCommand> logger)
{
    /// <param name="claimed">Mail the outbox worker claimed (queued -> sending).</param>
    /// <param name="stopping">The node is stopping: a mail not yet handed over goes back to the queue.</param>
    public async Task SendAsync(OutgoingMail claimed, CancellationToken stopping)
    {
        // Part of the trace of 「今すぐ送信」, though another node may have claimed it.
        using var span = DigimaTelemetry.StartContinuing(SpanNames.OutboxSend, claimed.TraceParent);
        span?.SetTag(TelemetryTags.MailId, claimed.Id).SetTag(TelemetryTags.UserId, claimed.UserId);
        using var scope = logger.Mail(claimed.Id, claimed.UserId);
        MailboxConnection? mailbox;
        try
        {
            mailbox = await mailboxes.GetAsync(claimed.UserId, stopping);
        }
        catch (Exception e) when (MailboxUnusable.IsRepsToFix(e))
        {
            // The key ring lost the key that protected the password, or the provider ended the
            // OAuth grant: only reconnecting helps.
            await failure.FailAsync(claimed, MailboxUnusable.Message(e, text), CancellationToken.None);
            return;
        }
        catch (MailboxTokenUnavailableException e)
        {
            await TokenUnavailableAsync(claimed, e);
            return;
        }

        if (mailbox is null)
        {
            await failure.FailAsync(claimed, text["MailboxNotConnected"], CancellationToken.None);
            return;
        }

        var delivered = await delivery.DeliverAsync(mailbox, [claimed], stopping);
        foreach (var failed in delivered.Failed)
        {
            await RetryOrFailAsync(failed);
        }

        foreach (var mail in delivered.NotTried)
        {
            await outbox.RequeueStuckAsync(mail.Id, CancellationToken.None);
            await live.PublishStatusAsync(mail, MailStatus.Queued, CancellationToken.None);
        }
    }

    /// <summary>The provider's token endpoint failed for now: the grant may be good, so the mail
    /// waits like one the server did not take for now (the same waits), and fails after the last.</summary>
    private Task TokenUnavailableAsync(OutgoingMail mail, MailboxTokenUnavailableException e)
    {
        logger.LogWarning("Mail {MailId} has no access token for now: {Error}", mail.Id, e.Message);
        return RetryOrFailAsync(new FailedDelivery(mail, new TransportResult(false, text["MailboxTokenUnavailable"])));
    }

    private async Task RetryOrFailAsync(FailedDelivery failed)
    {
        var (mail, result) = failed;
        var error = result.Error ?? text["SendFailed"];
        if (TransientRetry.NextAttempt(result, mail.RetryCount, retries.RetryBackoff, time.GetUtcNow()) is { } retryAt)
        {
            logger.LogWarning("Mail {MailId} failed for now, retrying at {RetryAt}: {Error}", mail.Id, retryAt, error);
            await outbox.RetryLaterAsync(mail.Id, retryAt, error, CancellationToken.None);
            await live.PublishStatusAsync(mail, MailStatus.Queued, CancellationToken.None);
            return;
        }

        logger.LogWarning("Mail {MailId} was not sent: {Error}", mail.Id, error);
        await failure.FailAsync(mail, error, CancellationToken.None);
    }
}
