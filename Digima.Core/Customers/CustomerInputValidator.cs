using System.Text.RegularExpressions;
using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Customers;

/// <summary>姓 and a valid email are required; kana must be katakana; no field may hold a line
/// break, because names and emails end up in mail headers.</summary>
public sealed partial class CustomerInputValidator : AbstractValidator<CustomerInput>
{
    public CustomerInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => CustomerInput.Clean(x.LastName))
            .NotEmpty().WithMessage(_ => text["LastNameRequired"])
            .OverridePropertyName(nameof(CustomerInput.LastName));
        RuleFor(x => CustomerInput.Clean(x.Email))
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["EmailRequired"])
            .Must(TextRules.IsEmailAddress).WithMessage(_ => text["EmailInvalid"])
            .OverridePropertyName(nameof(CustomerInput.Email));
        RuleFor(x => CustomerInput.Clean(x.LastNameKana))
            .Must(IsKatakana).WithMessage(_ => text["KanaOnly"])
            .OverridePropertyName(nameof(CustomerInput.LastNameKana));
        RuleFor(x => CustomerInput.Clean(x.FirstNameKana))
            .Must(IsKatakana).WithMessage(_ => text["KanaOnly"])
            .OverridePropertyName(nameof(CustomerInput.FirstNameKana));
        RuleFor(x => CustomerInput.Clean(x.CompanyKana))
            .Must(IsKatakana).WithMessage(_ => text["KanaOnly"])
            .OverridePropertyName(nameof(CustomerInput.CompanyKana));
        RuleFor(x => CustomerInput.Clean(x.Phone))
            .Must(IsPhone).WithMessage(_ => text["PhoneInvalid"])
            .OverridePropertyName(nameof(CustomerInput.Phone));

        TextField(x => x.LastName, nameof(CustomerInput.LastName), 50, text);
        TextField(x => x.FirstName, nameof(CustomerInput.FirstName), 50, text);
        TextField(x => x.LastNameKana, nameof(CustomerInput.LastNameKana), 50, text);
        TextField(x => x.FirstNameKana, nameof(CustomerInput.FirstNameKana), 50, text);
        TextField(x => x.Email, nameof(CustomerInput.Email), 254, text);
        TextField(x => x.Company, nameof(CustomerInput.Company), 200, text);
        TextField(x => x.CompanyKana, nameof(CustomerInput.CompanyKana), 200, text);
        TextField(x => x.Department, nameof(CustomerInput.Department), 100, text);
        TextField(x => x.Title, nameof(CustomerInput.Title), 100, text);
        TextField(x => x.Phone, nameof(CustomerInput.Phone), 30, text);
    }

    private void TextField(Func<CustomerInput, string> field, string name, int maxLength, IStringLocalizer<CoreMessages> text) =>
        RuleFor(x => field(x) ?? "")
            .MaximumLength(maxLength).WithMessage(_ => text["TooLong", maxLength])
            .Must(v => !TextRules.HasControlCharacters(v)).WithMessage(_ => text["NoLineBreaks"])
            .OverridePropertyName(name);

    private static bool IsKatakana(string value) => value.Length == 0 || KatakanaPattern().IsMatch(value);

    private static bool IsPhone(string value) => value.Length == 0 || PhonePattern().IsMatch(value);

    // Full-width katakana, the long-vowel mark, the middle dot and spaces (e.g. "ヤマダ タロウ").
    [GeneratedRegex(@"^[\u30A1-\u30FA\u30FC\u30FB\u3000 ]+$")]
    private static partial Regex KatakanaPattern();

    [GeneratedRegex(@"^\+?[0-9()\- ]{2,30}$")]
    private static partial Regex PhonePattern();
}
