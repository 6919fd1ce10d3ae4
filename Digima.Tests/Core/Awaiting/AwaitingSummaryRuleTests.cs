using Digima.Core.Awaiting.Notices;
using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;

namespace Digima.Tests.Core.Awaiting;

public sealed class AwaitingSummaryRuleTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");

    /// <summary>A Monday ahead of today whose previous Thursday and Friday are business days.</summary>
    private static DateOnly Monday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Enumerable.Range(1, 400).Select(today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Monday
            && new[] { 0, -3, -4 }.All(i => BusinessCalendar.Default.IsBusinessDay(d.AddDays(i))));
    }

    [Fact]
    public void ReceivedBefore_OnMonday_CountsThursdayAndEarlierNotFriday()
    {
        var monday = Monday();

        var before = AwaitingSummaryRule.ReceivedBefore(monday, BusinessCalendar.Default, Tokyo);

        // Friday 0:00 in Tokyo: Thursday's mail has waited Friday and Monday, Friday's only Monday.
        var friday = monday.AddDays(-3).ToDateTime(TimeOnly.MinValue);
        Assert.Equal(new DateTimeOffset(friday, TimeSpan.FromHours(9)), before);
        Assert.Equal(2, BusinessCalendar.Default.BusinessDaysBetween(monday.AddDays(-4), monday));
    }

    [Fact]
    public void ReceivedBefore_CompanyHolidayBetween_ReachesOneBusinessDayFurther()
    {
        var monday = Monday();
        var calendar = BusinessCalendar.Default with { CompanyHolidays = new Dictionary<DateOnly, string> { [monday.AddDays(-3)] = "創立記念日" } };

        var before = AwaitingSummaryRule.ReceivedBefore(monday, calendar, Tokyo);

        // Friday closed: Monday is one business day after Thursday, two after Wednesday.
        Assert.Equal(new DateTimeOffset(monday.AddDays(-4).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)), before);
    }

    [Fact]
    public void IsDue_From9OnBusinessDaysOnly()
    {
        var monday = Monday().ToDateTime(TimeOnly.MinValue);
        Assert.False(AwaitingSummaryRule.IsDue(monday.AddHours(8).AddMinutes(59), BusinessCalendar.Default));
        Assert.True(AwaitingSummaryRule.IsDue(monday.AddHours(9), BusinessCalendar.Default));
        Assert.False(AwaitingSummaryRule.IsDue(monday.AddDays(-1).AddHours(10), BusinessCalendar.Default));
    }
}
