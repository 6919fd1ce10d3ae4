using Digima.Core.Scheduling;
using Digima.Tests.Support;

namespace Digima.Tests.Core.Scheduling;

public sealed class SendTimeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToUtc_NineInTokyo_IsMidnightUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), SendTimeRules.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), "Asia/Tokyo"));

    [Theory]
    [InlineData("2027-01-05T09:00", "2027-01-05T14:00Z")]
    [InlineData("2027-07-01T09:00", "2027-07-01T13:00Z")]
    [InlineData("2027-03-14T02:30", "2027-03-14T07:30Z")]
    [InlineData("2027-11-07T01:30", "2027-11-07T05:30Z")]
    public void ToUtc_NewYork_SummerTimeGapAndOverlap(string local, string utc)
    {
        var actual = SendTimeRules.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), "America/New_York");

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), actual);
    }

    [Fact]
    public void ToUtc_UnknownZone_FallsBackToTokyo() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), SendTimeRules.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), "Nowhere/Nothing"));

    [Theory]
    [InlineData("00:00:30", "ScheduleTooSoon")]
    [InlineData("00:01:00", null)]
    [InlineData("365.00:00:00", null)]
    [InlineData("365.00:00:01", "ScheduleTooLate")]
    public void Problem_BetweenOneMinuteAndOneYear(string ahead, string? expected) =>
        Assert.Equal(expected, SendTimeRules.Problem(Now + TimeSpan.Parse(ahead, System.Globalization.CultureInfo.InvariantCulture), Now));

    [Fact]
    public void TomorrowNine_InTheRepsZone()
    {
        // 14:30 UTC is 23:30 on the 27th in Tokyo and 09:30 on the 27th in New York; an hour later Tokyo is on the 28th.
        var lateEvening = new DateTimeOffset(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTime(2026, 11, 28, 9, 0, 0), SendTimeRules.TomorrowNine(lateEvening, "Asia/Tokyo"));
        Assert.Equal(new DateTime(2026, 11, 28, 9, 0, 0), SendTimeRules.TomorrowNine(lateEvening, "America/New_York"));
        Assert.Equal(new DateTime(2026, 11, 29, 9, 0, 0), SendTimeRules.TomorrowNine(lateEvening.AddHours(1), "Asia/Tokyo"));
    }

    [Theory]
    [InlineData("2026-11-27T00:00Z", "2026-11-30T09:00")]
    [InlineData("2026-11-19T00:00Z", "2026-11-20T09:00")]
    [InlineData("2026-11-20T00:00Z", "2026-11-24T09:00")]
    [InlineData("2026-09-18T00:00Z", "2026-09-24T09:00")]
    [InlineData("2027-03-19T00:00Z", "2027-03-23T09:00")]
    public void NextBusinessDayNine_SkipsWeekendsAndHolidays(string now, string expected)
    {
        var actual = SendTimeRules.NextBusinessDayNine(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), "Asia/Tokyo");

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), actual);
    }

    [Theory]
    // The year-end break (12/29-1/3 unless a manager changes it): Monday 12/28 is the last day.
    [InlineData(-1, 0)] // Sunday 12/27 -> Monday 12/28
    [InlineData(0, 7)] // 12/28 -> 1/4
    [InlineData(3, 7)] // 12/31 -> 1/4
    public void NextBusinessDayNine_SkipsTheYearEndBreak(int nowDaysAfterBreakEve, int expectedDaysAfterBreakEve)
    {
        var breakEve = CalendarDates.LastDayBeforeBreak;
        // 00:00 UTC is 09:00 in Tokyo.
        var now = new DateTimeOffset(breakEve.AddDays(nowDaysAfterBreakEve).At(0), TimeSpan.Zero);

        Assert.Equal(breakEve.AddDays(expectedDaysAfterBreakEve).At(9), SendTimeRules.NextBusinessDayNine(now, "Asia/Tokyo"));
    }
}
