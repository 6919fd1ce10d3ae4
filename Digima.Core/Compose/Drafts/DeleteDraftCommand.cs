using Digima.Core.Common;

namespace Digima.Core.Compose.Drafts;

/// <summary>「削除」 on a draft, and the end of a draft whose mail was sent or scheduled.</summary>
public sealed class DeleteDraftCommand(IDraftRepository drafts)
{
    /// <exception cref="NotFoundException">No such draft of the actor's.</exception>
    public async Task DeleteAsync(CurrentUser actor, long draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await drafts.DeleteAsync(draftId, actor.Id, cancellationToken))
        {
            throw new NotFoundException($"Draft {draftId} is not a draft of this user.");
        }
    }
}
