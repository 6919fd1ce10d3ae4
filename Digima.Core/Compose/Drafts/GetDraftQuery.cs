using Digima.Core.Common;

namespace Digima.Core.Compose.Drafts;

/// <summary>Opens one of the actor's own drafts (a manager does not see other reps' drafts).</summary>
public sealed class GetDraftQuery(IDraftRepository drafts)
{
    /// <exception cref="NotFoundException">No such draft of the actor's.</exception>
    public async Task<MailDraft> GetAsync(CurrentUser actor, long draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await drafts.GetAsync(draftId, actor.Id, cancellationToken)
            ?? throw new NotFoundException($"Draft {draftId} is not a draft of this user.");
    }
}
