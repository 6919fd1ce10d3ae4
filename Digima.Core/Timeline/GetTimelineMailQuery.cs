using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.MailImport.Privacy;

namespace Digima.Core.Timeline;

/// <summary>The full text of one mail on a customer's timeline (「更に表示」, R14). Reading an
/// imported mail's body is recorded for managers.</summary>
public sealed class GetTimelineMailQuery(ITimelineQueries queries, IMailPrivacyRepository privacy, IAttachmentStore files, TimeProvider time)
{
    /// <exception cref="NotFoundException">The row is not a mail on this customer's timeline, or
    /// a private mail the actor may not read (not revealed as such).</exception>
    /// <exception cref="ForbiddenException">The actor may not read timelines.</exception>
    public async Task<TimelineMail> GetAsync(CurrentUser actor, long customerId, long itemId, CancellationToken cancellationToken)
    {
        TimelineAccess.EnsureCanRead(actor);
        var mail = await queries.GetMailAsync(customerId, itemId, cancellationToken);
        if (mail is null || !PrivateMailVisibility.MayRead(mail.Item, actor))
        {
            throw new NotFoundException($"Timeline row {itemId} is no mail of customer {customerId} the actor may read.");
        }

        if (mail.Item.ImportedMailId is { } importedId)
        {
            await privacy.RecordBodyViewAsync(actor.Id, importedId, time.GetUtcNow(), cancellationToken);
        }

        return await OutgoingMailFiles.AddAsync(mail, files, cancellationToken);
    }
}
