using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Compose;

/// <summary>R6 and the rules no mail server should have to enforce for us: recipients present and
/// valid, nothing that ends in a header holds a line break, sizes bounded.</summary>
public sealed class ComposeInputValidator : AbstractValidator<ComposeInput>
{
    public const int MaxRecipients = 100;
    public const int MaxSubjectLength = 250;
    public const int MaxBodyLength = 200_000;

    public ComposeInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.To).NotEmpty().WithMessage(_ => text["ToRequired"]);
        RuleFor(x => x.AllRecipients.Count()).LessThanOrEqualTo(MaxRecipients)
            .OverridePropertyName(nameof(ComposeInput.To)).WithMessage(_ => text["TooManyRecipients", MaxRecipients]);
        // 宛先 stays customers (R4): merge fields and the timelines read it. Cc and Bcc may also hold
        // colleagues and plain addresses; every address is checked the same way below.
        RuleForEach(x => x.To).Must(r => r.CustomerId is not null)
            .WithMessage((_, r) => text["RecipientNotCustomer", r.Email]);
        RuleForEach(x => x.AllRecipients).Must(r => TextRules.IsEmailAddress(r.Email) && !TextRules.HasControlCharacters(r.DisplayName))
            .OverridePropertyName(nameof(ComposeInput.To)).WithMessage((_, r) => text["RecipientInvalid", r.Email]);
        RuleFor(x => x.Subject).MailSubject(text);
        RuleFor(x => x.InReplyTo).Must(v => v is null || (!TextRules.HasControlCharacters(v) && v.Length <= 500))
            .WithMessage(_ => text["NoLineBreaks"]);
        RuleFor(x => x.Body)
            .Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(_ => text["BodyRequired"])
            .MaximumLength(MaxBodyLength).WithMessage(_ => text["TooLong", MaxBodyLength]);
    }
}
