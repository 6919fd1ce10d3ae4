using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Dashboard;

/// <summary>The ages shown under 返信待ちの経過, in business days (the 返信待ち page's count).</summary>
public enum WaitingAgeBucket
{
    Today,
    OneDay,
    TwoDays,
    ThreeToFive,
    SixToTen,
    ElevenOrMore,
}

public static class WaitingAgeBuckets
{
    public static readonly IReadOnlyList<WaitingAgeBucket> All = Enum.GetValues<WaitingAgeBucket>();

    /// <summary>The ages a bucket holds, both ends included; no upper end for the last.</summary>
    public static (int Min, int? Max) Range(WaitingAgeBucket bucket) => bucket switch
    {
        WaitingAgeBucket.Today => (0, 0),
        WaitingAgeBucket.OneDay => (1, 1),
        WaitingAgeBucket.TwoDays => (2, 2),
        WaitingAgeBucket.ThreeToFive => (3, 5),
        WaitingAgeBucket.SixToTen => (6, 10),
        _ => (11, null),
    };

    public static WaitingAgeBucket Of(int age) => All.First(b => Range(b).Max is not { } max || age <= max);

    /// <summary>Counts per bucket of waiting customers given per day of their mail. Ages are
    /// counted once per day walking back from today (the 返信待ち page's rule,
    /// <see cref="BusinessCalendar.BusinessDaysBetween"/>), not once per customer.</summary>
    public static IReadOnlyList<WaitingBucketCount> Count(IEnumerable<WaitingDay> days, BusinessCalendar calendar, DateOnly today)
    {
        var counts = All.ToDictionary(b => b, _ => 0);
        var ages = AgesBack(calendar, today);
        foreach (var day in days)
        {
            counts[Of(ages(day.Day))] += day.Count;
        }

        return All.Select(b => new WaitingBucketCount(b, counts[b])).ToList();
    }

    /// <summary>Age in business days of a mail received on a day: the business days after it up to today.</summary>
    public static Func<DateOnly, int> AgesBack(BusinessCalendar calendar, DateOnly today)
    {
        var known = new List<int> { 0 };
        return day =>
        {
            var back = today.DayNumber - day.DayNumber;
            if (back <= 0)
            {
                return 0;
            }

            // known[i] is the age of today - i days: the age of the day after it, plus that day if it is a business day.
            for (var i = known.Count; i <= back; i++)
            {
                known.Add(known[i - 1] + (calendar.IsBusinessDay(today.AddDays(-(i - 1))) ? 1 : 0));
            }

            return known[back];
        };
    }
}
