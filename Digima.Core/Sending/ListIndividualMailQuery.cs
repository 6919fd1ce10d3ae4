using Digima.Core.Common;

namespace Digima.Core.Sending;

/// <summary>「個別メール」: a rep's individual mail, newest first: the signed-in rep's own, or, for a
/// manager, any rep's (the per-rep filter).</summary>
public sealed class ListIndividualMailQuery(IOutgoingMailRepository outbox)
{
    public Task<PagedResult<OutgoingMail>> ListAsync(CurrentUser actor, int offset, int limit, CancellationToken cancellationToken) =>
        ListForRepAsync(actor, actor?.Id ?? 0, offset, limit, cancellationToken);

    /// <exception cref="ForbiddenException">A rep asked for another rep's mail.</exception>
    public Task<PagedResult<OutgoingMail>> ListForRepAsync(CurrentUser actor, long repId, int offset, int limit, CancellationToken cancellationToken) =>
        ListForRepAsync(actor, repId, IndividualMailFilter.None, offset, limit, cancellationToken);

    /// <summary>The same list within a period and of one status (the dashboard's numbers lead here).</summary>
    /// <exception cref="ForbiddenException">A rep asked for another rep's mail.</exception>
    public Task<PagedResult<OutgoingMail>> ListForRepAsync(CurrentUser actor, long repId, IndividualMailFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RepView.EnsureMayView(actor, repId);
        return outbox.ListForUserAsync(repId, filter, Math.Max(0, offset), Math.Clamp(limit, 1, 200), cancellationToken);
    }
}
