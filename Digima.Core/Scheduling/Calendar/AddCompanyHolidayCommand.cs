using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Scheduling.Calendar;

/// <summary>「営業日カレンダー」: a manager adds a company holiday; 「翌営業日 9:00」 skips it and
/// 予約送信 warns on it from then on.</summary>
public sealed class AddCompanyHolidayCommand(
    IBusinessCalendarRepository repository, IValidator<CompanyHolidayInput> validator, IStringLocalizer<CoreMessages> text, TimeProvider time)
{
    /// <exception cref="ForbiddenException">The actor is not a manager.</exception>
    public async Task<Outcome<DateOnly>> AddAsync(CurrentUser actor, CompanyHolidayInput input, CancellationToken cancellationToken)
    {
        CalendarAccess.EnsureManager(actor);
        ArgumentNullException.ThrowIfNull(input);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<DateOnly>.Failure(validation.Errors);
        }

        var day = input.Day!.Value;
        return await repository.AddHolidayAsync(day, input.Name.Trim(), actor.Id, time.GetUtcNow(), cancellationToken)
            ? Outcome<DateOnly>.Success(day)
            : Outcome<DateOnly>.Failure(nameof(CompanyHolidayInput.Day), text["HolidayDuplicate"]);
    }
}

/// <summary>Removes a company holiday (a manager's).</summary>
public sealed class RemoveCompanyHolidayCommand(IBusinessCalendarRepository repository)
{
    /// <exception cref="ForbiddenException">The actor is not a manager.</exception>
    public Task RemoveAsync(CurrentUser actor, DateOnly day, CancellationToken cancellationToken)
    {
        CalendarAccess.EnsureManager(actor);
        return repository.RemoveHolidayAsync(day, cancellationToken);
    }
}
