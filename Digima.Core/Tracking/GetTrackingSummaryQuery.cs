using Digima.Core.Common;

namespace Digima.Core.Tracking;

/// <summary>開封 and クリック (count and first time) of the user's own mail, as 個別メール shows them.</summary>
public sealed class GetTrackingSummaryQuery(ITrackingRepository tracking)
{
    public async Task<IReadOnlyList<TrackingSummary>> GetAsync(CurrentUser actor, IReadOnlyList<long> mailIds, CancellationToken cancellationToken) =>
        mailIds.Count == 0 ? [] : await tracking.SummariesAsync(actor.Id, mailIds, cancellationToken);
}
