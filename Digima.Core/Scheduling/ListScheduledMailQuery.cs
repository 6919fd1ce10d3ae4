using Digima.Core.Common;
using Digima.Core.Sending;

namespace Digima.Core.Scheduling;

/// <summary>「個別メール」 filtered to 「予約」: a rep's scheduled and held mail, soonest first (the
/// signed-in rep's own, or any rep's for a manager).</summary>
public sealed class ListScheduledMailQuery(IScheduledMailRepository scheduled)
{
    public Task<PagedResult<OutgoingMail>> ListAsync(CurrentUser actor, int offset, int limit, CancellationToken cancellationToken) =>
        ListForRepAsync(actor, actor?.Id ?? 0, offset, limit, cancellationToken);

    /// <exception cref="ForbiddenException">A rep asked for another rep's mail.</exception>
    public Task<PagedResult<OutgoingMail>> ListForRepAsync(CurrentUser actor, long repId, int offset, int limit, CancellationToken cancellationToken)
    {
        RepView.EnsureMayView(actor, repId);
        return scheduled.ListForUserAsync(repId, Math.Max(0, offset), Math.Clamp(limit, 1, 200), cancellationToken);
    }
}
