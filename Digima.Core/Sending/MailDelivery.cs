using System.Diagnostics;
using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Digima.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Sending;

/// <summary>The one way claimed mail reaches the customer, for 「今すぐ送信」, a scheduled mail's
/// trigger, a mailbox's send lane and crash recovery alike; a single send is a batch of one.
/// Each step is recorded as it happens, so a crash anywhere can be resolved without a duplicate
/// (see <see cref="RecoverStuckMailCommand"/>):
/// each mail is handed to the rep's SMTP server and its acceptance recorded at once (the window in
/// which a crash could send it twice stays one mail wide); then the accepted mails' Sent copies are
/// saved together (MULTIAPPEND) unless the mail server files them itself (<see cref="SentCopyKeeper"/>),
/// they are marked sent (with the customers' contact dates) and open screens are told.
/// The batch's claims are renewed while it runs (<see cref="ClaimHeartbeat"/>), and each mail's
/// claim is checked just before it is handed over: a mail another node took over is left to it.</summary>
public sealed class MailDelivery(
    IOutgoingMailRepository outbox,
    IOutgoingMailTransport transport,
    SentCopyKeeper sentCopies,
    ILiveEvents live,
    SendingOptions options,
    TimeProvider time,
    ILogger<MailDelivery> logger)
{
    /// <param name="mailbox">The mailbox all of <paramref name="claimed"/> is sent from.</param>
    /// <param name="claimed">Mail in sending, claimed by the caller so no other node sends it.</param>
    /// <param name="stopping">Ends the batch between two mails: a mail being handed over is finished,
    /// never cut off between the server taking it and the record of that.</param>
    public async Task<Delivery> DeliverAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> claimed, CancellationToken stopping)
    {
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.Deliver);
        span?.SetTag(TelemetryTags.UserId, mailbox.UserId).SetTag(TelemetryTags.MailCount, claimed.Count);
        await live.PublishStatusAsync(claimed, MailStatus.Sending, CancellationToken.None);
        await using var heartbeat = ClaimHeartbeat.Start(outbox, claimed, options, time, logger);
        var acceptedNow = new List<OutgoingMail>(claimed.Count);
        var acceptedBefore = new List<OutgoingMail>();
        var failed = new List<FailedDelivery>();
        var notTried = new List<OutgoingMail>();
        try
        {
            for (var i = 0; i < claimed.Count; i++)
            {
                var mail = claimed[i];
                if (mail.SmtpAcceptedAt is not null)
                {
                    // Accepted in an earlier attempt (the node died before finishing it): only the
                    // finishing is left.
                    acceptedBefore.Add(mail);
                    continue;
                }

                if (stopping.IsCancellationRequested)
                {
                    notTried.AddRange(claimed.Skip(i));
                    break;
                }

                if (!await StillHeldAsync(mail))
                {
                    continue;
                }

                var result = await HandOverAsync(mailbox, mail);
                if (result.Succeeded)
                {
                    var acceptedAt = result.Date ?? time.GetUtcNow();
                    await outbox.MarkSmtpAcceptedAsync(mail.Id, acceptedAt, CancellationToken.None);
                    acceptedNow.Add(mail with { SmtpAcceptedAt = acceptedAt });
                    continue;
                }

                failed.Add(new FailedDelivery(mail, result));
                if (!result.Permanent)
                {
                    // A busy or unreachable server fails the next mail too: the rest waits.
                    notTried.AddRange(claimed.Skip(i + 1));
                    break;
                }

                // This mail's own problem (a refused recipient): the others go on.
            }
        }
        finally
        {
            // A copy can exist only when acceptance was recorded before this attempt. Who files the
            // copies, once learnt, holds for the rest of the batch.
            var filing = await FinishAsync(mailbox, mailbox.SentCopies, acceptedBefore, copyMayExist: true);
            await FinishAsync(mailbox, filing, acceptedNow, copyMayExist: false);
        }

        return new Delivery([.. acceptedBefore, .. acceptedNow], failed, notTried);
    }

    /// <summary>One mail to the SMTP server, in a span of its own (MailKit's spans of the SMTP
    /// conversation nest under it) and with its ids on every line logged meanwhile.</summary>
    private async Task<TransportResult> HandOverAsync(MailboxConnection mailbox, OutgoingMail mail)
    {
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.SmtpSend, ActivityKind.Client);
        span?.SetTag(TelemetryTags.MailId, mail.Id);
        using var scope = logger.Mail(mail.Id, mail.UserId);
        if (mail.ScheduledAt is { } scheduledAt)
        {
            // From the time the rep chose (or the time the claim recorded it late by).
            DigimaTelemetry.ScheduledLateness(mail.LateBy ?? time.GetUtcNow() - scheduledAt);
        }

        var result = await transport.SendAsync(mailbox, mail, CancellationToken.None);
        if (!result.Succeeded)
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Permanent ? "refused" : "failed for now");
        }

        return result;
    }

    /// <summary>Renews this mail's claim right before it goes to the server. Not held any more means
    /// another node's recovery took it (this node was frozen or cut off from the database longer
    /// than <see cref="SendingOptions.StuckAfter"/>): that node sends it, or has already.</summary>
    private async Task<bool> StillHeldAsync(OutgoingMail mail)
    {
        if ((await outbox.RenewClaimsAsync([mail], time.GetUtcNow(), CancellationToken.None)).Contains(mail.Id))
        {
            return true;
        }

        logger.LogWarning("Mail {MailId} was taken over by another node before it was sent: left to that node", mail.Id);
        return false;
    }

    /// <summary>The Sent copies appended together (or left to the server that files them), then
    /// each marked sent. Until then each is in sending with its acceptance recorded, which is what
    /// recovery finishes (copy looked for, then added) should the node die in between.</summary>
    /// <returns>Who files the copies, as known after this step.</returns>
    private async Task<SentCopyFiling> FinishAsync(MailboxConnection mailbox, SentCopyFiling filing, IReadOnlyList<OutgoingMail> accepted, bool copyMayExist)
    {
        if (accepted.Count == 0)
        {
            return filing;
        }

        var copySaved = false;
        if (mailbox.SaveCopyToSent)
        {
            using var copySpan = DigimaTelemetry.Source.StartActivity(SpanNames.SentCopy);
            copySpan?.SetTag(TelemetryTags.MailCount, accepted.Count);
            (copySaved, filing) = await sentCopies.KeepAsync(mailbox, filing, accepted, copyMayExist);
            copySpan?.SetTag(TelemetryTags.Outcome, copySaved ? "saved" : "not saved");
        }

        using (DigimaTelemetry.Source.StartActivity(SpanNames.MarkSent))
        {
            await outbox.MarkSentAsync(accepted.Select(m => m.Id).ToList(), time.GetUtcNow(), copySaved, CancellationToken.None);
        }

        DigimaTelemetry.MailSent(accepted.Count);
        await live.PublishStatusAsync(accepted, MailStatus.Sent, CancellationToken.None);
        return filing;
    }
}
