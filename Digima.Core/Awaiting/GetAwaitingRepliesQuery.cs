using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Awaiting;

/// <summary>The 「返信待ち n営業日」 chip of the customer list, profile and timeline: which of these
/// customers are waiting, and since when. Every signed-in user reads every customer (R29).</summary>
public sealed class GetAwaitingRepliesQuery(IAwaitingReplyQueries queries, IBusinessCalendarRepository calendar, TimeProvider time)
{
    /// <exception cref="ArgumentNullException">No actor or ids.</exception>
    public async Task<IReadOnlyDictionary<long, AwaitingReply>> GetAsync(CurrentUser actor, IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0)
        {
            return new Dictionary<long, AwaitingReply>();
        }

        var records = await queries.FindAsync(customerIds, cancellationToken);
        var rows = AwaitingReplyAge.Apply(records, await calendar.GetAsync(cancellationToken), actor, time.GetUtcNow());
        return rows.ToDictionary(r => r.Record.CustomerId);
    }
}
