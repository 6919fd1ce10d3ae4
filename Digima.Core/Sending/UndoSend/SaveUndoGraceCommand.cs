using Digima.Core.Common;
using FluentValidation;

namespace Digima.Core.Sending.UndoSend;

/// <summary>個人設定 → 「送信の取り消し猶予」: any user sets their own; mail already queued keeps
/// the grace it was sent with.</summary>
public sealed class SaveUndoGraceCommand(IUndoGraceRepository graces, IValidator<UndoGraceInput> validator, TimeProvider time)
{
    public async Task<Outcome<int>> SaveAsync(CurrentUser actor, int seconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var input = new UndoGraceInput(seconds);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Failure(validation.Errors);
        }

        await graces.SaveSecondsAsync(actor.Id, seconds, time.GetUtcNow(), cancellationToken);
        return Outcome<int>.Success(seconds);
    }
}
