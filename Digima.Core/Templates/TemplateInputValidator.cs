using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Templates;

/// <summary>Name and subject are required single lines (the subject becomes a mail header);
/// lengths are bounded so one template cannot bloat every list that shows it.</summary>
public sealed class TemplateInputValidator : AbstractValidator<TemplateInput>
{
    public const int NameMaxLength = 100;

    /// <summary>A template's subject fills compose's: the same rules (<see cref="MailContentRules"/>).</summary>
    public const int SubjectMaxLength = ComposeInputValidator.MaxSubjectLength;
    public const int BodyMaxLength = 50_000;

    public TemplateInputValidator(IStringLocalizer<TemplateMessages> text)
    {
        RuleFor(x => (x.Name ?? "").Trim())
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["NameRequired"])
            .MaximumLength(NameMaxLength).WithMessage(_ => text["TooLong", NameMaxLength])
            .Must(v => !TextRules.HasControlCharacters(v)).WithMessage(_ => text["NoLineBreaks"])
            .OverridePropertyName(nameof(TemplateInput.Name));
        RuleFor(x => (x.Subject ?? "").Trim()).MailSubject(text).OverridePropertyName(nameof(TemplateInput.Subject));
        RuleFor(x => x.Body ?? "")
            .MaximumLength(BodyMaxLength).WithMessage(_ => text["TooLong", BodyMaxLength])
            .OverridePropertyName(nameof(TemplateInput.Body));
    }
}
