using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Awaiting;

/// <summary>Ages in business days, both ends included (no upper end when <see cref="Max"/> is
/// null): the 返信待ち page filtered to one bar of the dashboard's 返信待ちの経過.</summary>
public sealed record AwaitingAgeRange(int Min, int? Max)
{
    /// <summary>The days (in the viewer's calendar) whose mail has such an age today: from the
    /// oldest (null: no limit) to the newest; null when no day has it.</summary>
    public (DateOnly? Oldest, DateOnly Newest)? Days(BusinessCalendar calendar, DateOnly today)
    {
        var age = BusinessDayAges.Counter(calendar, today);
        // An age grows as the day goes back; ten years back ends the search for an age no day has.
        const int Limit = 3660;
        var back = 0;
        while (age(today.AddDays(-back)) < Min && back < Limit)
        {
            back++;
        }

        if (back >= Limit)
        {
            return null;
        }

        var newest = today.AddDays(-back);
        if (Max is not { } max)
        {
            return (null, newest);
        }

        while (age(today.AddDays(-(back + 1))) <= max && back < Limit)
        {
            back++;
        }

        var oldest = today.AddDays(-back);
        return oldest > newest ? null : (oldest, newest);
    }
}

/// <summary>Ages of received mail in business days, the 返信待ち rule
/// (<see cref="BusinessCalendar.BusinessDaysBetween"/>), counted once per day walking back from today.</summary>
public static class BusinessDayAges
{
    public static Func<DateOnly, int> Counter(BusinessCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var known = new List<int> { 0 };
        return day =>
        {
            var back = today.DayNumber - day.DayNumber;
            if (back <= 0)
            {
                return 0;
            }

            // known[i] is the age of today - i: the age of the day after it, plus that day if it is a business day.
            for (var i = known.Count; i <= back; i++)
            {
                known.Add(known[i - 1] + (calendar.IsBusinessDay(today.AddDays(-(i - 1))) ? 1 : 0));
            }

            return known[back];
        };
    }
}
