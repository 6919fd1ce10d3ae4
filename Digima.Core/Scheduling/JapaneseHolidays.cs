using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Digima.Core.Scheduling;

/// <summary>Japanese public holidays (国民の祝日) under the law as it stands since 2022, so that
/// 「翌営業日」 skips them. Computed, not listed: the equinoxes follow the usual approximation
/// (valid 1980-2099), 振替休日 and 国民の休日 follow from the rest.</summary>
public static class JapaneseHolidays
{
    // A year's holidays are asked for once per day counted: the 返信待ち age of a page of 25
    // customers counts thousands of days, and building the year each time cost ~15 ms a page at
    // 1,000,000 mails (`./digima bench ageing`). A year never changes; a process sees a handful.
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Years = new();

    public static bool IsHoliday(DateOnly date) => For(date.Year).ContainsKey(date);

    /// <summary>Saturday, Sunday or a public holiday.</summary>
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>Every holiday of the year with its name, in date order.</summary>
    public static IReadOnlyDictionary<DateOnly, string> For(int year) => Years.GetOrAdd(year, Compute);

    private static ReadOnlyDictionary<DateOnly, string> Compute(int year)
    {
        var days = new SortedDictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "元日",
            [NthMonday(year, 1, 2)] = "成人の日",
            [new(year, 2, 11)] = "建国記念の日",
            [new(year, 2, 23)] = "天皇誕生日",
            [new(year, 3, VernalEquinoxDay(year))] = "春分の日",
            [new(year, 4, 29)] = "昭和の日",
            [new(year, 5, 3)] = "憲法記念日",
            [new(year, 5, 4)] = "みどりの日",
            [new(year, 5, 5)] = "こどもの日",
            [NthMonday(year, 7, 3)] = "海の日",
            [new(year, 8, 11)] = "山の日",
            [NthMonday(year, 9, 3)] = "敬老の日",
            [new(year, 9, AutumnalEquinoxDay(year))] = "秋分の日",
            [NthMonday(year, 10, 2)] = "スポーツの日",
            [new(year, 11, 3)] = "文化の日",
            [new(year, 11, 23)] = "勤労感謝の日",
        };

        // 国民の休日: an ordinary day between two holidays (in practice September's "Silver Week").
        foreach (var day in days.Keys.ToList())
        {
            var between = day.AddDays(1);
            if (!days.ContainsKey(between) && days.ContainsKey(between.AddDays(1)) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                days[between] = "国民の休日";
            }
        }

        // 振替休日: a holiday on a Sunday moves to the next day that is not a holiday itself.
        foreach (var day in days.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday).ToList())
        {
            var substitute = day.AddDays(1);
            while (days.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            days[substitute] = "振替休日";
        }

        return new ReadOnlyDictionary<DateOnly, string>(days);
    }

    /// <summary>Day of March: floor(20.8431 + 0.242194 (y - 1980) - floor((y - 1980) / 4)).</summary>
    public static int VernalEquinoxDay(int year) => EquinoxDay(year, 20.8431);

    /// <summary>Day of September: floor(23.2488 + 0.242194 (y - 1980) - floor((y - 1980) / 4)).</summary>
    public static int AutumnalEquinoxDay(int year) => EquinoxDay(year, 23.2488);

    private static int EquinoxDay(int year, double constant)
    {
        var y = year - 1980;
        return (int)Math.Floor(constant + (0.242194 * y) - Math.Floor(y / 4.0));
    }

    private static DateOnly NthMonday(int year, int month, int nth)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (nth - 1)));
    }
}
