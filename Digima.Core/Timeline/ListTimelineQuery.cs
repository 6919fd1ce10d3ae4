using Digima.Core.Common;

namespace Digima.Core.Timeline;

/// <summary>A page of a customer's timeline (R13), newest first, by keyset: the next page starts
/// after the last row of this one, so a deep page costs what the first does.</summary>
public sealed class ListTimelineQuery(ITimelineQueries queries)
{
    public const int MaxPageSize = 100;

    /// <exception cref="ForbiddenException">The actor may not read timelines.</exception>
    public async Task<TimelinePage> ListAsync(CurrentUser actor, long customerId, TimelinePageKey? after, int limit, CancellationToken cancellationToken)
    {
        TimelineAccess.EnsureCanRead(actor);
        var size = Math.Clamp(limit, 1, MaxPageSize);
        var rows = await queries.ListAsync(customerId, after, size + 1, cancellationToken);
        return new TimelinePage(PrivateMailVisibility.Apply(rows.Take(size), actor), rows.Count > size);
    }
}
