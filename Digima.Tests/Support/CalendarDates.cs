namespace Digima.Tests.Support;

/// <summary>Days for calendar tests, derived from the current year rather than typed, so a test
/// keeps meaning the same kind of day (a Monday before the year-end break, a plain Monday in June)
/// whatever year it runs in.</summary>
internal static class CalendarDates
{
    /// <summary>The first year from now whose 12/28 is a Monday: the default break (12/29-1/3)
    /// then ends on a Sunday, so 12/28 and 1/4 of the next year are both Mondays, one week apart.</summary>
    public static int YearEndYear { get; } = FirstYear(y => new DateOnly(y, 12, 28).DayOfWeek == DayOfWeek.Monday);

    /// <summary>12/28 of <see cref="YearEndYear"/>: the last business day before the break.</summary>
    public static DateOnly LastDayBeforeBreak => new(YearEndYear, 12, 28);

    /// <summary>A Monday of June next year: June has no national holiday, so the week around it is plain.</summary>
    public static DateOnly PlainMonday { get; } = Nth(DateTime.UtcNow.Year + 1, 6, DayOfWeek.Monday, 2);

    /// <summary>The <paramref name="nth"/> <paramref name="day"/> of a month (third Monday of July: 海の日).</summary>
    public static DateOnly Nth(int year, int month, DayOfWeek day, int nth)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
    }

    public static DateTime At(this DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute));

    private static int FirstYear(Func<int, bool> matches)
    {
        var year = DateTime.UtcNow.Year;
        while (!matches(year))
            year++;
        return year;
    }
}
