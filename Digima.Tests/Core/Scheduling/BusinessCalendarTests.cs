using Digima.Core.Scheduling.Calendar;

namespace Digima.Tests.Core.Scheduling;

/// <summary>The company's calendar (B6). Dates here are fixed on purpose: the rules are about
/// particular days (a holiday, the year-end break), and no test compares them with today.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar WithFoundingDay = BusinessCalendar.Default with
    {
        CompanyHolidays = new Dictionary<DateOnly, string> { [new(2027, 6, 15)] = "創立記念日" },
    };

    [Theory]
    [InlineData("2026-12-28", true)]
    [InlineData("2026-12-29", false)]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-03", false)]
    [InlineData("2027-01-04", true)]
    public void YearEndBreak_DefaultDecember29ToJanuary3(string day, bool open) =>
        Assert.Equal(open, BusinessCalendar.Default.IsBusinessDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void YearEndBreak_WithinOneYear_AlsoWorks()
    {
        var summer = BusinessCalendar.Default with { YearEndFrom = new MonthDay(8, 13), YearEndTo = new MonthDay(8, 16) };

        Assert.False(summer.IsBusinessDay(new DateOnly(2027, 8, 13)));
        Assert.True(summer.IsBusinessDay(new DateOnly(2027, 8, 17)));
        Assert.True(summer.IsBusinessDay(new DateOnly(2026, 12, 30)));
    }

    [Fact]
    public void CompanyHoliday_SkippedByNextBusinessDay()
    {
        // Monday 2027-06-14 -> Tuesday 15th is the company's holiday -> Wednesday.
        Assert.Equal(new DateOnly(2027, 6, 16), WithFoundingDay.NextBusinessDay(new DateOnly(2027, 6, 14)));
        Assert.Equal(new DateOnly(2027, 6, 15), BusinessCalendar.Default.NextBusinessDay(new DateOnly(2027, 6, 14)));
    }

    [Fact]
    public void ConcernsAt_EachKindWithItsDetail()
    {
        Assert.Empty(WithFoundingDay.ConcernsAt(new DateTime(2027, 6, 14, 9, 0, 0)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.OutsideHours, "9:00〜18:00")], WithFoundingDay.ConcernsAt(new DateTime(2027, 6, 14, 18, 0, 0)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.OutsideHours, "9:00〜18:00")], WithFoundingDay.ConcernsAt(new DateTime(2027, 6, 14, 8, 59, 0)));
        Assert.Equal(
            [new SendTimeConcern(SendTimeConcernKind.Weekend, "Saturday"), new SendTimeConcern(SendTimeConcernKind.OutsideHours, "9:00〜18:00")],
            WithFoundingDay.ConcernsAt(new DateTime(2027, 6, 12, 23, 0, 0)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.NationalHoliday, "海の日")], WithFoundingDay.ConcernsAt(new DateTime(2027, 7, 19, 10, 0, 0)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.YearEndBreak, "12/29〜1/3")], WithFoundingDay.ConcernsAt(new DateTime(2026, 12, 30, 10, 0, 0)));
        Assert.Equal([new SendTimeConcern(SendTimeConcernKind.CompanyHoliday, "創立記念日")], WithFoundingDay.ConcernsAt(new DateTime(2027, 6, 15, 10, 0, 0)));
    }

    [Fact]
    public void BusinessDaysBetween_SkipsClosedDays()
    {
        // Friday -> Monday: one business day. Over the year-end break: 12/28 -> 1/4 is one.
        Assert.Equal(1, BusinessCalendar.Default.BusinessDaysBetween(new DateOnly(2027, 6, 11), new DateOnly(2027, 6, 14)));
        Assert.Equal(1, BusinessCalendar.Default.BusinessDaysBetween(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4)));
        Assert.Equal(1, WithFoundingDay.BusinessDaysBetween(new DateOnly(2027, 6, 14), new DateOnly(2027, 6, 16)));
        Assert.Equal(0, BusinessCalendar.Default.BusinessDaysBetween(new DateOnly(2027, 6, 14), new DateOnly(2027, 6, 14)));
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
