using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Awaiting.Notices;

/// <summary>The daily 返信待ち summary (issue 17): run every few minutes by a clustered job, it
/// gives each rep whose local 9:00 has passed on a business day, and who has no summary for that
/// date yet, one notice of the customers waiting 2+ business days in their mailbox. Running it
/// again, or on two nodes at once, adds nothing (one per rep and local date in the store).</summary>
public sealed class SendAwaitingSummariesCommand(
    IAwaitingNoticeRepository notices, IBusinessCalendarRepository calendars, ILiveEvents live, TimeProvider time)
{
    /// <returns>How many summaries were given.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = await notices.ListSummaryCandidatesAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var given = 0;
        foreach (var rep in candidates)
        {
            var zone = TimeZones.Find(rep.TimeZoneId);
            var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            var today = DateOnly.FromDateTime(local);
            if (rep.LastSummaryOn == today || !AwaitingSummaryRule.IsDue(local, calendar))
            {
                continue;
            }

            var before = AwaitingSummaryRule.ReceivedBefore(today, calendar, zone);
            if (await notices.InsertSummaryAsync(rep.UserId, today, before, now, cancellationToken) is { } id)
            {
                await live.PublishAsync(new NotificationCreated(id, rep.UserId), cancellationToken);
                given++;
            }
        }

        return given;
    }
}
