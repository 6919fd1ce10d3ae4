using Digima.Core.Awaiting;
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

    public static AwaitingAgeRange AgeRange(WaitingAgeBucket bucket) => new(Range(bucket).Min, Range(bucket).Max);

    public static WaitingAgeBucket Of(int age) => All.First(b => Range(b).Max is not { } max || age <= max);

    /// <summary>Counts per bucket of waiting customers given per day of their mail; an age is
    /// counted once per day, not once per customer.</summary>
    public static IReadOnlyList<WaitingBucketCount> Count(IEnumerable<WaitingDay> days, BusinessCalendar calendar, DateOnly today)
    {
        var counts = All.ToDictionary(b => b, _ => 0);
        var ages = BusinessDayAges.Counter(calendar, today);
        foreach (var day in days)
        {
            counts[Of(ages(day.Day))] += day.Count;
        }

        return All.Select(b => new WaitingBucketCount(b, counts[b])).ToList();
    }
}
