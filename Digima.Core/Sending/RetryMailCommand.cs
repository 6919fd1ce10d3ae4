using Digima.Core.Common;

namespace Digima.Core.Sending;

/// <summary>「再送信」 on a failed mail: back to the queue. Only the rep who wrote it may.</summary>
public sealed class RetryMailCommand(IOutgoingMailRepository outbox, IOutboxSignal signal)
{
    public async Task<bool> RetryAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        var requeued = await outbox.RequeueFailedAsync(mailId, actor.Id, cancellationToken);
        if (requeued)
        {
            signal.MailQueued();
        }

        return requeued;
    }
}
