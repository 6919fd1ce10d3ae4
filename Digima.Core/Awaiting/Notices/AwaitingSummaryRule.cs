using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Awaiting.Notices;

/// <summary>When a rep's daily 返信待ち summary is due and whom it counts: from 9:00 local time on
/// a business day, customers waiting <see cref="MinimumAge"/> business days or more, counted as
/// the 返信待ち page counts them (<see cref="BusinessCalendar.BusinessDaysBetween"/>).</summary>
public static class AwaitingSummaryRule
{
    /// <summary>The issue asks for 9:00, the label says so: not the calendar's work start, which a
    /// manager may move without meaning to move the summary.</summary>
    public static readonly TimeOnly At = new(9, 0);

    public const int MinimumAge = 2;

    /// <summary>True from 9:00 of a business day on, in the rep's wall-clock time.</summary>
    public static bool IsDue(DateTime localNow, BusinessCalendar calendar) =>
        TimeOnly.FromDateTime(localNow) >= At && calendar.IsBusinessDay(DateOnly.FromDateTime(localNow));

    /// <summary>The instant before which a mail counts: the start of the day after the last local
    /// day whose mail is <see cref="MinimumAge"/> business days old on <paramref name="today"/>.</summary>
    public static DateTimeOffset ReceivedBefore(DateOnly today, BusinessCalendar calendar, TimeZoneInfo zone)
    {
        var day = today.AddDays(-1);
        for (var i = 0; i < 3660 && calendar.BusinessDaysBetween(day, today) < MinimumAge; i++)
        {
            day = day.AddDays(-1);
        }

        var start = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // A zone that skips midnight (a DST change at 0:00) starts the day an hour later.
        if (zone.IsInvalidTime(start))
        {
            start = start.AddHours(1);
        }

        return new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
    }
}
