using Digima.Core.Common;
using Digima.Core.Sending;

namespace Digima.Core.Attachments;

/// <summary>The files of a mail written in this app, for its author or a manager (who may see
/// every rep's individual mail), e.g. in 予約送信's edit dialog.</summary>
public sealed class ListMailAttachmentsQuery(IOutgoingMailRepository outbox, IAttachmentStore store)
{
    /// <exception cref="NotFoundException">No such mail, or another rep's (reported alike).</exception>
    public async Task<IReadOnlyList<StoredFile>> ListAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mail = await outbox.GetAsync(outgoingMailId, cancellationToken);
        if (mail is null || (mail.UserId != actor.Id && !actor.IsManager))
        {
            throw new NotFoundException($"Mail {outgoingMailId} does not exist.");
        }

        return await store.ListForOutgoingAsync(outgoingMailId, cancellationToken);
    }
}
