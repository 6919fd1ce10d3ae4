using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.MailImport.Privacy;

namespace Digima.Core.Timeline;

/// <summary>The whole thread of a mail on a customer's timeline (「スレッドを表示」, R15), newest
/// on top, across sent and received mail and every rep's mailbox. Each imported mail whose body
/// it returns is recorded for managers; a colleague's private mail comes without content.</summary>
public sealed class GetThreadQuery(ITimelineQueries queries, IMailPrivacyRepository privacy, IAttachmentStore files, TimeProvider time)
{
    private const int MaxThreadLength = 200;

    /// <exception cref="NotFoundException">The row is not a mail on this customer's timeline.</exception>
    /// <exception cref="ForbiddenException">The actor may not read timelines.</exception>
    public async Task<IReadOnlyList<TimelineMail>> GetAsync(CurrentUser actor, long customerId, long itemId, CancellationToken cancellationToken)
    {
        TimelineAccess.EnsureCanRead(actor);
        var mail = await queries.GetMailAsync(customerId, itemId, cancellationToken);
        if (mail is null || !PrivateMailVisibility.MayRead(mail.Item, actor))
        {
            throw new NotFoundException($"Timeline row {itemId} is no mail of customer {customerId} the actor may read.");
        }

        if (mail.Item.ThreadId is not { } threadId)
        {
            return [await OutgoingMailFiles.AddAsync(mail, files, cancellationToken)];
        }

        var thread = await queries.ListThreadAsync(threadId, MaxThreadLength, cancellationToken);
        var shown = await ThreadReading.ShowAsync(thread.Count > 0 ? thread : [mail], actor, privacy, time.GetUtcNow(), cancellationToken);
        return await OutgoingMailFiles.AddAsync(shown, files, cancellationToken);
    }
}
