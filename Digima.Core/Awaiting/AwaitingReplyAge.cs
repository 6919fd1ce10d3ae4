using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;
using Digima.Core.Timeline;

namespace Digima.Core.Awaiting;

/// <summary>Turns stored records into what a viewer sees: the age counted by the company's
/// calendar in the viewer's zone, and a colleague's private mail without its subject (the
/// timeline's rule, <see cref="PrivateMailVisibility"/>).</summary>
internal static class AwaitingReplyAge
{
    public static IReadOnlyList<AwaitingReply> Apply(IEnumerable<AwaitingReplyRecord> records, BusinessCalendar calendar, CurrentUser actor, DateTimeOffset now)
    {
        var today = LocalDay(now, actor);
        return records.Select(r =>
        {
            var hidden = !PrivateMailVisibility.MayRead(r.IsPrivate, r.RepUserId, actor);
            var shown = hidden ? r with { Subject = "", MessageId = null } : r;
            return new AwaitingReply(shown, calendar.BusinessDaysBetween(LocalDay(r.ReceivedAt, actor), today), hidden);
        }).ToList();
    }

    private static DateOnly LocalDay(DateTimeOffset at, CurrentUser actor) =>
        DateOnly.FromDateTime(TimeZones.ToUserTime(at, actor.TimeZoneId).DateTime);
}
