using Digima.Core.Common;

namespace Digima.Core.Compose.Drafts;

/// <summary>個別メール's 「下書き」: the actor's own drafts, last saved first.</summary>
public sealed class ListDraftsQuery(IDraftRepository drafts)
{
    public Task<PagedResult<DraftSummary>> ListAsync(CurrentUser actor, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return drafts.ListAsync(actor.Id, offset, limit, cancellationToken);
    }
}
