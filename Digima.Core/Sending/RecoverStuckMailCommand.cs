using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Sending;

/// <summary>Resolves mail left in "sending" by a node that died mid-send: if the SMTP server had
/// accepted it, it is finished (<see cref="MailDelivery"/> looks for its copy in Sent before adding
/// one); if its Message-ID is in the Sent folder, it is marked sent without sending again;
/// otherwise it goes back to the queue.</summary>
public sealed class RecoverStuckMailCommand(
    IOutgoingMailRepository outbox,
    IMailboxConnections mailboxes,
    IOutgoingMailTransport transport,
    MailDelivery delivery,
    ILiveEvents live,
    SendingOptions options,
    TimeProvider time,
    ILogger<RecoverStuckMailCommand> logger)
{
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stuck = await outbox.ClaimStuckSendingAsync(now - options.StuckAfter, now, cancellationToken);
        foreach (var mail in stuck)
        {
            MailboxConnection? mailbox;
            try
            {
                mailbox = await mailboxes.GetAsync(mail.UserId, cancellationToken);
            }
            catch (Exception e) when (MailboxUnusable.IsRepsToFix(e) || e is MailboxTokenUnavailableException)
            {
                logger.LogWarning("Mail {MailId} stays in sending: {Reason}", mail.Id, e.Message);
                continue;
            }

            if (mail.SmtpAcceptedAt is not null && mailbox is not null)
            {
                await delivery.DeliverAsync(mailbox, [mail], cancellationToken);
                continue;
            }

            var inSent = mailbox is null ? null : await transport.ExistsInSentAsync(mailbox, mail.MessageId, cancellationToken);
            if (inSent == true)
            {
                logger.LogInformation("Mail {MailId} was found in Sent after a crash: marked sent, not resent", mail.Id);
                await outbox.MarkSentAsync([mail.Id], time.GetUtcNow(), copySaved: true, cancellationToken);
                await live.PublishStatusAsync(mail, MailStatus.Sent, cancellationToken);
            }
            else if (inSent == false)
            {
                await outbox.RequeueStuckAsync(mail.Id, cancellationToken);
                await live.PublishStatusAsync(mail, MailStatus.Queued, cancellationToken);
            }

            // null: the server could not be asked; the mail stays in sending and is tried again later.
        }

        return stuck.Count;
    }
}
