using Digima.Core.Scheduling.Calendar;
using Digima.Tests.Support;

namespace Digima.Tests.Core.Scheduling;

/// <summary>The company's calendar (B6). Days come from <see cref="CalendarDates"/>: a Monday
/// before the year-end break, a plain week in June, 海の日 of next year.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly DateOnly Monday = CalendarDates.PlainMonday;
    private static readonly DateOnly BreakEve = CalendarDates.LastDayBeforeBreak;

    // The Tuesday of the plain week is the company's own holiday.
    private static readonly BusinessCalendar WithFoundingDay = BusinessCalendar.Default with
    {
        CompanyHolidays = new Dictionary<DateOnly, string> { [Monday.AddDays(1)] = "創立記念日" },
    };

    [Theory]
    [InlineData(0, true)] // 12/28
    [InlineData(1, false)] // 12/29
    [InlineData(3, false)] // 12/31
    [InlineData(4, false)] // 1/1
    [InlineData(6, false)] // 1/3, a Sunday
    [InlineData(7, true)] // 1/4
    public void YearEndBreak_DefaultDecember29ToJanuary3(int daysAfterBreakEve, bool open) =>
        Assert.Equal(open, BusinessCalendar.Default.IsBusinessDay(BreakEve.AddDays(daysAfterBreakEve)));

    [Fact]
    public void YearEndBreak_WithinOneYear_AlsoWorks()
    {
        var year = Monday.Year;
        var summer = BusinessCalendar.Default with { YearEndFrom = new MonthDay(8, 13), YearEndTo = new MonthDay(8, 16) };
        var firstWeekdayAfter = Enumerable.Range(17, 7).Select(d => new DateOnly(year, 8, d)).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        Assert.False(summer.IsBusinessDay(new DateOnly(year, 8, 13)));
        Assert.True(summer.IsBusinessDay(firstWeekdayAfter));
        Assert.True(summer.IsBusinessDay(BreakEve.AddDays(2)));
    }

    [Fact]
    public void CompanyHoliday_SkippedByNextBusinessDay()
    {
        // Monday -> Tuesday is the company's holiday -> Wednesday.
        Assert.Equal(Monday.AddDays(2), WithFoundingDay.NextBusinessDay(Monday));
        Assert.Equal(Monday.AddDays(1), BusinessCalendar.Default.NextBusinessDay(Monday));
    }

    [Fact]
    public void ConcernsAt_EachKindWithItsDetail()
    {
        var marineDay = CalendarDates.Nth(Monday.Year, 7, DayOfWeek.Monday, 3);

        Assert.Empty(WithFoundingDay.ConcernsAt(Monday.At(9)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.OutsideHours, "9:00〜18:00")], WithFoundingDay.ConcernsAt(Monday.At(18)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.OutsideHours, "9:00〜18:00")], WithFoundingDay.ConcernsAt(Monday.At(8, 59)));
        Assert.Equal(
            [new SendTimeConcern(SendTimeConcernKind.Weekend, "Saturday"), new SendTimeConcern(SendTimeConcernKind.OutsideHours, "9:00〜18:00")],
            WithFoundingDay.ConcernsAt(Monday.AddDays(-2).At(23)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.NationalHoliday, "海の日")], WithFoundingDay.ConcernsAt(marineDay.At(10)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.YearEndBreak, "12/29〜1/3")], WithFoundingDay.ConcernsAt(BreakEve.AddDays(2).At(10)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.CompanyHoliday, "創立記念日")], WithFoundingDay.ConcernsAt(Monday.AddDays(1).At(10)));
    }

    [Fact]
    public void BusinessDaysBetween_SkipsClosedDays()
    {
        // Friday -> Monday: one business day. Over the year-end break: 12/28 -> 1/4 is one.
        Assert.Equal(1, BusinessCalendar.Default.BusinessDaysBetween(Monday.AddDays(-3), Monday));
        Assert.Equal(1, BusinessCalendar.Default.BusinessDaysBetween(BreakEve, BreakEve.AddDays(7)));
        Assert.Equal(1, WithFoundingDay.BusinessDaysBetween(Monday, Monday.AddDays(2)));
        Assert.Equal(0, BusinessCalendar.Default.BusinessDaysBetween(Monday, Monday));
    }

    [Theory]
    [InlineData("12/29", true)]
    [InlineData("1-3", true)]
    [InlineData("2/29", true)]
    [InlineData("2/30", false)]
    [InlineData("13/1", false)]
    [InlineData("12", false)]
    [InlineData("", false)]
    public void MonthDay_Parse(string text, bool valid) => Assert.Equal(valid, MonthDay.TryParse(text, out _));
}
