using Digima.Core.LiveUpdates;
using Digima.Core.Timeline;

namespace Digima.Core.Sending;

/// <summary>The one way a mail fails, whether queued or scheduled: marked failed, the failure on
/// each recipient's timeline (R13), open screens told.</summary>
public sealed class MailFailure(IOutgoingMailRepository outbox, ICustomerEventRecorder events, ILiveEvents live, TimeProvider time)
{
    public async Task FailAsync(OutgoingMail mail, string error, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await outbox.MarkFailedAsync(mail.Id, error, at, cancellationToken);
        var failed = mail.CustomerIds
            .Select(id => new CustomerEvent(id, CustomerEventKind.Failed, at, mail.UserId, mail.Id, error))
            .ToList();
        await events.RecordAsync(failed, cancellationToken);
        await live.PublishStatusAsync(mail, MailStatus.Failed, cancellationToken);
    }
}
