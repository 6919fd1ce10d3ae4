using Digima.Core.Common;
using Digima.Core.Resources;
using Digima.Core.Sending;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Scheduling;

/// <summary>Cancels a scheduled or held mail until sending starts; refused with the reason after.</summary>
public sealed class CancelScheduledMailCommand(
    IScheduledMailRepository scheduled, IScheduledSendTrigger trigger, TimeProvider time, IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<bool>> CancelAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        var was = await scheduled.CancelAsync(mailId, actor.Id, time.GetUtcNow(), cancellationToken);
        if (was is null)
        {
            throw new NotFoundException($"Mail {mailId} is not this user's.");
        }

        if (was is not (MailStatus.Scheduled or MailStatus.Held))
        {
            return Outcome<bool>.Failure(nameof(MailStatus), text[EditScheduledMailCommand.RefusalKey(was)]);
        }

        await trigger.UnscheduleAsync(mailId, cancellationToken);
        return Outcome<bool>.Success(true);
    }
}
