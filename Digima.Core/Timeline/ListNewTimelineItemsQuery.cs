using Digima.Core.Common;

namespace Digima.Core.Timeline;

/// <summary>Rows added to a customer's timeline since the screen last looked (R28): what a live
/// update or the periodic check merges into an open timeline.</summary>
public sealed class ListNewTimelineItemsQuery(ITimelineQueries queries)
{
    private const int Limit = 200;

    /// <param name="afterId">The highest row id the screen holds (0 when it holds none).</param>
    /// <exception cref="ForbiddenException">The actor may not read timelines.</exception>
    public async Task<IReadOnlyList<TimelineItem>> ListAsync(CurrentUser actor, long customerId, long afterId, CancellationToken cancellationToken)
    {
        TimelineAccess.EnsureCanRead(actor);
        return PrivateMailVisibility.Apply(await queries.ListAddedAfterAsync(customerId, afterId, Limit, cancellationToken), actor);
    }
}
