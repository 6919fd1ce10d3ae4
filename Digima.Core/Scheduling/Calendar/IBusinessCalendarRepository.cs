namespace Digima.Core.Scheduling.Calendar;

/// <summary>The company's business hours, year-end break and holidays (one set per installation).</summary>
public interface IBusinessCalendarRepository
{
    /// <summary>The calendar as saved, or <see cref="BusinessCalendar.Default"/> with the company
    /// holidays when a manager never changed the hours.</summary>
    Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken);

    Task SaveHoursAsync(BusinessHoursInput hours, long userId, DateTimeOffset savedAt, CancellationToken cancellationToken);

    /// <returns>False when the day is a company holiday already.</returns>
    Task<bool> AddHolidayAsync(DateOnly day, string name, long userId, DateTimeOffset addedAt, CancellationToken cancellationToken);

    Task RemoveHolidayAsync(DateOnly day, CancellationToken cancellationToken);
}
