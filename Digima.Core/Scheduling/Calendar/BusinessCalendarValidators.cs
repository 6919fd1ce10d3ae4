using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Scheduling.Calendar;

public sealed class BusinessHoursInputValidator : AbstractValidator<BusinessHoursInput>
{
    public BusinessHoursInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.WorkEnd).GreaterThan(x => x.WorkStart).WithMessage(_ => text["CalendarHoursOrder"]);
        RuleFor(x => x.YearEndFrom).Must(v => MonthDay.TryParse(v, out _)).WithMessage(_ => text["CalendarMonthDay"]);
        RuleFor(x => x.YearEndTo).Must(v => MonthDay.TryParse(v, out _)).WithMessage(_ => text["CalendarMonthDay"]);
    }
}

public sealed class CompanyHolidayInputValidator : AbstractValidator<CompanyHolidayInput>
{
    public const int MaxNameLength = 40;

    public CompanyHolidayInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.Day).NotNull().WithMessage(_ => text["HolidayDateRequired"]);
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => text["HolidayNameRequired"])
            .MaximumLength(MaxNameLength).WithMessage(_ => text["HolidayNameLength", MaxNameLength])
            .Must(n => !TextRules.HasControlCharacters(n)).WithMessage(_ => text["HolidayNameControl"]);
    }
}
