using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Sending.UndoSend;

/// <summary>0 sends at once as before the feature; more than 30 s would hold a mail the rep
/// believes sent for longer than a glance at the snackbar.</summary>
public sealed class UndoGraceInputValidator : AbstractValidator<UndoGraceInput>
{
    public const int MaxSeconds = 30;

    public UndoGraceInputValidator(IStringLocalizer<CoreMessages> text)
    {
        RuleFor(x => x.Seconds).InclusiveBetween(0, MaxSeconds).WithMessage(_ => text["UndoGraceRange", MaxSeconds]);
    }
}
