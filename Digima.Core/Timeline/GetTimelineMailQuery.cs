using Digima.Core.Common;

namespace Digima.Core.Timeline;

/// <summary>The full text of one mail on a customer's timeline (「更に表示」, R14).</summary>
public sealed class GetTimelineMailQuery(ITimelineQueries queries)
{
    /// <exception cref="NotFoundException">The row is not a mail on this customer's timeline.</exception>
    /// <exception cref="ForbiddenException">The actor may not read timelines.</exception>
    public async Task<TimelineMail> GetAsync(CurrentUser actor, long customerId, long itemId, CancellationToken cancellationToken)
    {
        TimelineAccess.EnsureCanRead(actor);
        return await queries.GetMailAsync(customerId, itemId, cancellationToken)
            ?? throw new NotFoundException($"Timeline row {itemId} is no mail of customer {customerId}.");
    }
}
