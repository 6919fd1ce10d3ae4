using Dapper;
using Digima.Core.Scheduling.Calendar;
using Npgsql;

namespace Digima.Infrastructure.Scheduling.Calendar;

internal sealed class BusinessCalendarRepository(NpgsqlDataSource dataSource) : IBusinessCalendarRepository
{
    public async Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken)
    {
        // One round trip: the hours row (if any) and every company holiday. Holidays are a few a
        // year; all of them are read, since the 返信待ち age may reach back months.
        const string sql = """
            SELECT work_start, work_end, year_end_from, year_end_to FROM business_calendar;
            SELECT day, name FROM company_holidays ORDER BY day;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var hours = await results.ReadSingleOrDefaultAsync<HoursRow>();
        var holidays = (await results.ReadAsync<HolidayRow>()).ToDictionary(h => h.Day, h => h.Name);
        var calendar = BusinessCalendar.Default with { CompanyHolidays = holidays };
        return hours is null || !MonthDay.TryParse(hours.YearEndFrom, out var from) || !MonthDay.TryParse(hours.YearEndTo, out var to)
            ? calendar
            : calendar with
            {
                WorkStart = hours.WorkStart,
                WorkEnd = hours.WorkEnd,
                YearEndFrom = from,
                YearEndTo = to,
            };
    }

    public async Task SaveHoursAsync(BusinessHoursInput hours, long userId, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO business_calendar (work_start, work_end, year_end_from, year_end_to, updated_by, updated_at)
            VALUES (CAST(@start AS time), CAST(@end AS time), @from, @to, @userId, @savedAt)
            ON CONFLICT (id) DO UPDATE SET work_start = excluded.work_start, work_end = excluded.work_end,
                year_end_from = excluded.year_end_from, year_end_to = excluded.year_end_to,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """;
        MonthDay.TryParse(hours.YearEndFrom, out var from);
        MonthDay.TryParse(hours.YearEndTo, out var to);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            start = hours.WorkStart.ToTimeSpan(), end = hours.WorkEnd.ToTimeSpan(), from = from.ToString(), to = to.ToString(), userId, savedAt,
        }, cancellationToken: cancellationToken));
    }

    public async Task<bool> AddHolidayAsync(DateOnly day, string name, long userId, DateTimeOffset addedAt, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO company_holidays (day, name, created_by, created_at) VALUES (CAST(@day AS date), @name, @userId, @addedAt)
            ON CONFLICT (day) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { day = day.ToDateTime(TimeOnly.MinValue), name, userId, addedAt }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RemoveHolidayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM company_holidays WHERE day = CAST(@day AS date)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
    }

    private sealed record HoursRow(TimeOnly WorkStart, TimeOnly WorkEnd, string YearEndFrom, string YearEndTo);

    private sealed record HolidayRow(DateOnly Day, string Name);
}
