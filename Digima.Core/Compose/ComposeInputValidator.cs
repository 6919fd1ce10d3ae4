using Digima.Core.Attachments;
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

    public const int MaxAttachments = 50;

    public ComposeInputValidator(IStringLocalizer<CoreMessages> text, AttachmentOptions attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
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

        // The sizes come from the page here (what the upload returned); the send checks the
        // stored files' own sizes again (ComposedMailFactory).
        RuleFor(x => x.Attachments.Sum(a => a.Size)).LessThanOrEqualTo(attachments.MaxTotalBytes)
            .OverridePropertyName(nameof(ComposeInput.Attachments))
            .WithMessage((_, total) => TotalTooLarge(text, attachments.MaxTotalBytes, total));
        RuleFor(x => x.Attachments.Count).LessThanOrEqualTo(MaxAttachments)
            .OverridePropertyName(nameof(ComposeInput.Attachments)).WithMessage(_ => text["AttachmentsTooMany", MaxAttachments]);
    }

    /// <summary>「添付ファイルは合計20 MBまでです（現在 23.4 MB）」: the limit and where the rep is.</summary>
    public static string TotalTooLarge(IStringLocalizer<CoreMessages> text, long maxTotalBytes, long total)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["AttachmentsTooLarge", AttachmentSizes.Format(maxTotalBytes), AttachmentSizes.Format(total)];
    }
}
