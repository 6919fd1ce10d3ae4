namespace Digima.Core.Scheduling.Calendar;

/// <summary>The company's working days and hours (B6): weekdays that are not a national holiday,
/// not in the year-end break and not a company holiday a manager added, from <see cref="WorkStart"/>
/// to <see cref="WorkEnd"/>. 「翌営業日 9:00」, the 予約送信 warnings and the 返信待ち age count by it.</summary>
public sealed record BusinessCalendar
{
    public static readonly BusinessCalendar Default = new();

    public TimeOnly WorkStart { get; init; } = new(9, 0);
    public TimeOnly WorkEnd { get; init; } = new(18, 0);

    /// <summary>The year-end break (年末年始休業), from a day of December to a day of January
    /// inclusive; 12/29-1/3 is what most Japanese companies close.</summary>
    public MonthDay YearEndFrom { get; init; } = new(12, 29);
    public MonthDay YearEndTo { get; init; } = new(1, 3);

    public IReadOnlyDictionary<DateOnly, string> CompanyHolidays { get; init; } = new Dictionary<DateOnly, string>();

    public bool IsBusinessDay(DateOnly day) => ClosedBecause(day) is null;

    public bool InYearEndBreak(DateOnly day)
    {
        var md = new MonthDay(day.Month, day.Day);
        return YearEndFrom.CompareTo(YearEndTo) <= 0
            ? md.CompareTo(YearEndFrom) >= 0 && md.CompareTo(YearEndTo) <= 0
            : md.CompareTo(YearEndFrom) >= 0 || md.CompareTo(YearEndTo) <= 0;
    }

    /// <summary>Why the company is closed that day, or null on a business day.</summary>
    public SendTimeConcern? ClosedBecause(DateOnly day) =>
        CompanyHolidays.TryGetValue(day, out var company) ? new SendTimeConcern(SendTimeConcernKind.CompanyHoliday, company)
        : InYearEndBreak(day) ? new SendTimeConcern(SendTimeConcernKind.YearEndBreak, $"{YearEndFrom}〜{YearEndTo}")
        : JapaneseHolidays.For(day.Year).TryGetValue(day, out var national) ? new SendTimeConcern(SendTimeConcernKind.NationalHoliday, national)
        : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? new SendTimeConcern(SendTimeConcernKind.Weekend, day.DayOfWeek.ToString())
        : null;

    /// <summary>What a rep should know before a mail arrives at <paramref name="local"/> (wall-clock
    /// time in the rep's zone): the day is closed, and/or the time is outside business hours.
    /// Warnings only: the rep may have reasons.</summary>
    public IReadOnlyList<SendTimeConcern> ConcernsAt(DateTime local)
    {
        var concerns = new List<SendTimeConcern>(2);
        if (ClosedBecause(DateOnly.FromDateTime(local)) is { } closed)
        {
            concerns.Add(closed);
        }

        var time = TimeOnly.FromDateTime(local);
        if (time < WorkStart || time >= WorkEnd)
        {
            concerns.Add(new SendTimeConcern(SendTimeConcernKind.OutsideHours, $"{WorkStart:H:mm}〜{WorkEnd:H:mm}"));
        }

        return concerns;
    }

    /// <summary>The first business day after <paramref name="day"/>. A calendar closed every day
    /// cannot happen (the break is at most a few weeks, holidays are single days), but the search
    /// stops after a year anyway.</summary>
    public DateOnly NextBusinessDay(DateOnly day)
    {
        var next = day.AddDays(1);
        for (var i = 0; i < 366 && !IsBusinessDay(next); i++)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>Business days from <paramref name="from"/> (exclusive) to <paramref name="to"/>
    /// (inclusive): a mail received on Friday and still waiting on Monday is 1 business day old.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            days += IsBusinessDay(day) ? 1 : 0;
        }

        return days;
    }
}

/// <summary>A day of the year without a year (the year-end break's ends).</summary>
public readonly record struct MonthDay(int Month, int Day) : IComparable<MonthDay>
{
    public int CompareTo(MonthDay other) => Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    public override string ToString() => $"{Month}/{Day}";

    public static bool TryParse(string? text, out MonthDay value)
    {
        value = default;
        var parts = (text ?? "").Split('/', '-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var month) || !int.TryParse(parts[1], out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
        {
            return false;
        }

        value = new MonthDay(month, day);
        return true;
    }
}

public enum SendTimeConcernKind
{
    OutsideHours,
    Weekend,
    NationalHoliday,
    YearEndBreak,
    CompanyHoliday,
}

/// <param name="Detail">The holiday's name, the hours or the break's days, for the message.</param>
public sealed record SendTimeConcern(SendTimeConcernKind Kind, string Detail);
