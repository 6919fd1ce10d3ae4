using Digima.Core.Scheduling;

namespace Digima.Tests.Core.Scheduling;

public sealed class JapaneseHolidaysTests
{
    [Theory]
    [InlineData(2026, "01-01 元日", "01-12 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-20 春分の日", "04-29 昭和の日",
        "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日", "07-20 海の日", "08-11 山の日", "09-21 敬老の日",
        "09-22 国民の休日", "09-23 秋分の日", "10-12 スポーツの日", "11-03 文化の日", "11-23 勤労感謝の日")]
    [InlineData(2027, "01-01 元日", "01-11 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-21 春分の日", "03-22 振替休日",
        "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-19 海の日", "08-11 山の日", "09-20 敬老の日",
        "09-23 秋分の日", "10-11 スポーツの日", "11-03 文化の日", "11-23 勤労感謝の日")]
    public void For_Year_EveryHolidayWithItsName(int year, params string[] expected)
    {
        var actual = JapaneseHolidays.For(year).Select(h => $"{h.Key:MM-dd} {h.Value}");

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(2024, 3, 20, 9, 22)]
    [InlineData(2025, 3, 20, 9, 23)]
    [InlineData(2026, 3, 20, 9, 23)]
    [InlineData(2027, 3, 21, 9, 23)]
    [InlineData(2028, 3, 20, 9, 22)]
    public void Equinoxes_KnownYears_MatchTheCabinetOfficeDates(int year, int vernalMonth, int vernalDay, int autumnalMonth, int autumnalDay)
    {
        Assert.Equal(vernalDay, JapaneseHolidays.VernalEquinoxDay(year));
        Assert.Equal(autumnalDay, JapaneseHolidays.AutumnalEquinoxDay(year));
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(year, vernalMonth, vernalDay)));
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(year, autumnalMonth, autumnalDay)));
    }

    [Fact]
    public void For_2024_SubstituteAfterSundayHolidays()
    {
        // 2024: 建国記念の日, 憲法記念日 (via こどもの日 5/5 on Sunday -> 5/6), 山の日, 振替 11/4.
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2024, 2, 12)));
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2024, 5, 6)));
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2024, 8, 12)));
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2024, 11, 4)));
        Assert.False(JapaneseHolidays.IsHoliday(new DateOnly(2024, 5, 7)));
    }

    [Theory]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-11-28", false)]
    [InlineData("2026-11-29", false)]
    [InlineData("2026-11-23", false)]
    [InlineData("2026-09-22", false)]
    public void IsBusinessDay_WeekendsAndHolidaysAreNot(string date, bool expected) =>
        Assert.Equal(expected, JapaneseHolidays.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
