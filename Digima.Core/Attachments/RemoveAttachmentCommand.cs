using Digima.Core.Common;

namespace Digima.Core.Attachments;

/// <summary>The remove button on an attachment in compose: deletes the rep's own loose file. A
/// file already sent, or another rep's, is left alone (the store's condition), so a stale page
/// cannot delete what a mail carries.</summary>
public sealed class RemoveAttachmentCommand(IAttachmentStore store)
{
    public Task RemoveAsync(CurrentUser actor, long fileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.DeleteLooseAsync([fileId], actor.Id, cancellationToken);
    }
}
