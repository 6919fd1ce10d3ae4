using Digima.Core.Common;
using Digima.Core.Tracking;

namespace Digima.Core.Timeline;

/// <summary>開封 and クリック of the mails on a customer's timeline (R9, R13): how often and first
/// when, counting only what is attributed to that customer (a mail to several customers cannot
/// say who opened it). Whoever reads the timeline reads these.</summary>
public sealed class GetTimelineTrackingQuery(ITrackingRepository tracking)
{
    /// <exception cref="ForbiddenException">The actor may not read timelines.</exception>
    public async Task<IReadOnlyList<TrackingSummary>> GetAsync(
        CurrentUser actor, long customerId, IReadOnlyCollection<long> outgoingMailIds, CancellationToken cancellationToken)
    {
        TimelineAccess.EnsureCanRead(actor);
        return outgoingMailIds.Count == 0 ? [] : await tracking.CustomerSummariesAsync(customerId, [.. outgoingMailIds], cancellationToken);
    }
}
