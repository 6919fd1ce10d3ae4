using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.MailImport.Privacy;

/// <summary>An address checked as compose checks recipients, or a domain: one line, no spaces.</summary>
public sealed class NeverImportEntryValidator : AbstractValidator<NeverImportEntry>
{
    public NeverImportEntryValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.Pattern)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["NeverImportRequired"])
            .Must(p => !TextRules.HasControlCharacters(p) && MailPrivacyRules.IsValidPattern(p)).WithMessage(_ => text["NeverImportInvalid"]);
    }
}
