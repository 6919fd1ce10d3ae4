using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Compose.Signatures;

/// <summary>A signature ends up in every mail body, so it takes the body's merge-field rule: an
/// unknown token is refused here with compose's own message, instead of blocking every send later.
/// Line breaks and tabs are allowed (it is several lines); other control characters are not.</summary>
public sealed class SignatureInputValidator : AbstractValidator<SignatureInput>
{
    public const int MaxLength = 2_000;

    public SignatureInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.Text)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(MaxLength).WithMessage(_ => text["TooLong", MaxLength])
            .Must(s => !s.Any(c => char.IsControl(c) && c is not '\n' and not '\t')).WithMessage(_ => text["SignatureControlCharacters"]);
        RuleForEach(x => MergeFieldRenderer.UnknownTokens(x.Text))
            .Must(_ => false)
            .OverridePropertyName(nameof(SignatureInput.Text))
            .WithMessage((_, token) => text["MergeFieldUnknown", token]);
    }
}
