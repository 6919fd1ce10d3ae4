using Digima.Core.Common;

namespace Digima.Core.Dashboard;

/// <summary>The days a dashboard covers, both ends included, as calendar days in the manager's zone.
/// Weeks start on Monday in that zone.</summary>
public sealed record DashboardPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Longer periods are refused: the queries are sized for a quarter or so.</summary>
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period in UTC: from the first day's midnight to the midnight after the last.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) ToUtc(string timeZoneId)
    {
        return (TimeZones.StartOfDay(From, timeZoneId), TimeZones.StartOfDay(To.AddDays(1), timeZoneId));
    }

    /// <summary>Monday of each week the period touches, in order.</summary>
    public IReadOnlyList<DateOnly> Weeks()
    {
        var weeks = new List<DateOnly>();
        for (var monday = WeekOf(From); monday <= To; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        return weeks;
    }

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <exception cref="ArgumentException">The period is reversed or longer than <see cref="MaxDays"/>.</exception>
    public void EnsureValid()
    {
        if (To < From || Days > MaxDays)
        {
            throw new ArgumentException($"A dashboard period is 1 to {MaxDays} days; got {From:yyyy-MM-dd}..{To:yyyy-MM-dd}.");
        }
    }
}

/// <summary>The period presets of the dashboard, relative to today in the manager's zone.</summary>
public enum DashboardPreset
{
    Last4Weeks,
    Last90Days,
    ThisQuarter,
    LastQuarter,
}

public static class DashboardPresets
{
    public static DashboardPeriod For(DashboardPreset preset, DateOnly today) => preset switch
    {
        // Four whole weeks, Monday to Sunday, the current one included.
        DashboardPreset.Last4Weeks => new(DashboardPeriod.WeekOf(today).AddDays(-21), today),
        DashboardPreset.Last90Days => new(today.AddDays(-89), today),
        DashboardPreset.ThisQuarter => new(QuarterStart(today), today),
        DashboardPreset.LastQuarter => new(QuarterStart(today).AddMonths(-3), QuarterStart(today).AddDays(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(preset)),
    };

    public static DateOnly Today(TimeProvider time, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZones.ToUserTime(time.GetUtcNow(), timeZoneId).DateTime);

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
}
