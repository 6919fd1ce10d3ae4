using Digima.Core.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Compose;

/// <summary>The subject rules every way a subject enters takes (compose, an edit of a scheduled
/// mail through the compose validator, a template that will fill compose), so that what one of
/// them accepts the others never refuse. The messages come from the caller's resources, which
/// all name them SubjectRequired, TooLong and NoLineBreaks.</summary>
public static class MailContentRules
{
    public static IRuleBuilderOptions<T, string> MailSubject<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer text) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(_ => text["SubjectRequired"])
            .MaximumLength(ComposeInputValidator.MaxSubjectLength).WithMessage(_ => text["TooLong", ComposeInputValidator.MaxSubjectLength])
            .Must(s => !TextRules.HasControlCharacters(s)).WithMessage(_ => text["NoLineBreaks"]);
}
