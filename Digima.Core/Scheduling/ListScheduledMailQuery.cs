using Digima.Core.Common;
using Digima.Core.Sending;

namespace Digima.Core.Scheduling;

/// <summary>「個別メール」 filtered to 「予約」: the rep's scheduled and held mail, soonest first.</summary>
public sealed class ListScheduledMailQuery(IScheduledMailRepository scheduled)
{
    public Task<PagedResult<OutgoingMail>> ListAsync(CurrentUser actor, int offset, int limit, CancellationToken cancellationToken) =>
        scheduled.ListForUserAsync(actor.Id, Math.Max(0, offset), Math.Clamp(limit, 1, 200), cancellationToken);
}
