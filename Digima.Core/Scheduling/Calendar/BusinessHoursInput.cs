namespace Digima.Core.Scheduling.Calendar;

/// <summary>「営業日カレンダー」's hours and year-end break as the manager typed them (M/D for the break).</summary>
public sealed class BusinessHoursInput
{
    public TimeOnly WorkStart { get; set; } = BusinessCalendar.Default.WorkStart;
    public TimeOnly WorkEnd { get; set; } = BusinessCalendar.Default.WorkEnd;
    public string YearEndFrom { get; set; } = BusinessCalendar.Default.YearEndFrom.ToString();
    public string YearEndTo { get; set; } = BusinessCalendar.Default.YearEndTo.ToString();

    public static BusinessHoursInput From(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new()
        {
            WorkStart = calendar.WorkStart,
            WorkEnd = calendar.WorkEnd,
            YearEndFrom = calendar.YearEndFrom.ToString(),
            YearEndTo = calendar.YearEndTo.ToString(),
        };
    }
}

/// <summary>A company holiday a manager adds (創立記念日, 夏季休業 ...).</summary>
public sealed class CompanyHolidayInput
{
    public DateOnly? Day { get; set; }
    public string Name { get; set; } = "";
}
