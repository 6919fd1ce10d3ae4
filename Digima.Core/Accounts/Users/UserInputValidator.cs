using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Accounts.Users;

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public const int MinPasswordLength = 8;

    public UserInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["EmailRequired"])
            .Must(TextRules.IsEmailAddress).WithMessage(_ => text["EmailInvalid"]);
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage(_ => text["DisplayNameRequired"])
            .MaximumLength(100).WithMessage(_ => text["TooLong", 100])
            .Must(v => !TextRules.HasControlCharacters(v)).WithMessage(_ => text["NoLineBreaks"]);
        RuleFor(x => x.TimeZoneId)
            .Must(TimeZones.IsKnown).WithMessage(_ => text["TimeZoneUnknown"]);
        RuleFor(x => x.Language)
            .Must(l => UserDefaults.Languages.Contains(l)).WithMessage(_ => text["LanguageUnknown"]);
        RuleFor(x => x.Password)
            .NotEmpty().When(x => x.IsNew).WithMessage(_ => text["PasswordRequired"])
            .MinimumLength(MinPasswordLength).When(x => x.Password.Length > 0).WithMessage(_ => text["PasswordTooShort", MinPasswordLength]);
    }
}
