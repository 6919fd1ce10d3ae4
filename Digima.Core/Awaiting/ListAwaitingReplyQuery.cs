using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Awaiting;

/// <summary>The 返信待ち page (B8): customers whose newest mail has no later mail from us, oldest
/// first, a page at a time (keyset: a deep page costs what the first does). A rep sees the mail
/// in their own mailbox; a manager everyone's, or one rep's.</summary>
public sealed class ListAwaitingReplyQuery(IAwaitingReplyQueries queries, IBusinessCalendarRepository calendar, TimeProvider time)
{
    public const int PageSize = 25;

    /// <param name="repUserId">A manager's filter (null: everyone); a rep's own id or null.</param>
    /// <exception cref="ArgumentNullException">No actor.</exception>
    /// <exception cref="ForbiddenException">A rep asked for another rep's list.</exception>
    public async Task<AwaitingReplyPage> ListAsync(CurrentUser actor, long? repUserId, AwaitingReplyCursor? after, CancellationToken cancellationToken)
    {
        var rep = RepView.Scope(actor, repUserId);
        var records = await queries.ListAsync(rep, after, PageSize + 1, cancellationToken);
        var page = records.Take(PageSize).ToList();
        var next = records.Count > PageSize ? new AwaitingReplyCursor(page[^1].ReceivedAt, page[^1].CustomerId) : null;
        var rows = AwaitingReplyAge.Apply(page, await calendar.GetAsync(cancellationToken), actor, time.GetUtcNow());
        return new AwaitingReplyPage(rows, next);
    }
}
