using Digima.Core.Common;
using Digima.Core.LiveUpdates;

namespace Digima.Core.Sending;

/// <summary>「再送信」 on a failed mail: back to the queue. Only the rep who wrote it may.</summary>
public sealed class RetryMailCommand(IOutgoingMailRepository outbox, IOutboxSignal signal, ILiveEvents live)
{
    public async Task<bool> RetryAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        var requeued = await outbox.RequeueFailedAsync(mailId, actor.Id, cancellationToken);
        if (requeued)
        {
            signal.MailQueued();
            await live.PublishAsync(new OutgoingMailStatusChanged(mailId, actor.Id, MailStatus.Queued, []), cancellationToken);
        }

        return requeued;
    }
}
