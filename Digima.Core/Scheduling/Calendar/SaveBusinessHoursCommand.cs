using Digima.Core.Common;
using FluentValidation;

namespace Digima.Core.Scheduling.Calendar;

/// <summary>「営業日カレンダー」: a manager sets the business hours and the year-end break.</summary>
public sealed class SaveBusinessHoursCommand(IBusinessCalendarRepository repository, IValidator<BusinessHoursInput> validator, TimeProvider time)
{
    /// <exception cref="ForbiddenException">The actor is not a manager.</exception>
    public async Task<Outcome<bool>> SaveAsync(CurrentUser actor, BusinessHoursInput input, CancellationToken cancellationToken)
    {
        CalendarAccess.EnsureManager(actor);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<bool>.Failure(validation.Errors);
        }

        await repository.SaveHoursAsync(input, actor.Id, time.GetUtcNow(), cancellationToken);
        return Outcome<bool>.Success(true);
    }
}

internal static class CalendarAccess
{
    public static void EnsureManager(CurrentUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsManager)
        {
            throw new ForbiddenException($"User {actor.Id} may not change the business calendar.");
        }
    }
}
