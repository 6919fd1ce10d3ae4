using Digima.Core.Common;

namespace Digima.Core.Sending;

/// <summary>「個別メール」: the signed-in rep's own individual mail, newest first.</summary>
public sealed class ListIndividualMailQuery(IOutgoingMailRepository outbox)
{
    public Task<PagedResult<OutgoingMail>> ListAsync(CurrentUser actor, int offset, int limit, CancellationToken cancellationToken) =>
        outbox.ListForUserAsync(actor.Id, Math.Max(0, offset), Math.Clamp(limit, 1, 200), cancellationToken);
}
