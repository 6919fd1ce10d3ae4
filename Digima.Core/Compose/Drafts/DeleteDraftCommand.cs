using Digima.Core.Attachments;
using Digima.Core.Common;

namespace Digima.Core.Compose.Drafts;

/// <summary>「削除」 on a draft, and the end of a draft whose mail was sent or scheduled. The
/// draft's uploads go with it unless its mail took them (they are the mail's then, not loose).</summary>
public sealed class DeleteDraftCommand(IDraftRepository drafts, IAttachmentStore attachments)
{
    /// <exception cref="NotFoundException">No such draft of the actor's.</exception>
    public async Task DeleteAsync(CurrentUser actor, long draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var draft = await drafts.GetAsync(draftId, actor.Id, cancellationToken);
        if (draft is null || !await drafts.DeleteAsync(draftId, actor.Id, cancellationToken))
        {
            throw new NotFoundException($"Draft {draftId} is not a draft of this user.");
        }

        var files = draft.Content.Input.Attachments.Select(a => a.FileId).ToList();
        if (files.Count > 0)
        {
            await attachments.DeleteLooseAsync(files, actor.Id, cancellationToken);
        }
    }
}
