using Digima.Core.Common;
using FluentValidation;

namespace Digima.Core.Compose.Signatures;

/// <summary>個人設定 → 「署名」: any user saves their own signature. Mail already written keeps the
/// signature it was written with; the new one is used from the next compose.</summary>
public sealed class SaveSignatureCommand(ISignatureRepository signatures, IValidator<SignatureInput> validator, TimeProvider time)
{
    /// <returns>The signature as stored (normalised), for the page to show.</returns>
    public async Task<Outcome<string>> SaveAsync(CurrentUser actor, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var input = new SignatureInput(SignatureBlock.Normalize(text));
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<string>.Failure(validation.Errors);
        }

        await signatures.SaveAsync(actor.Id, input.Text, time.GetUtcNow(), cancellationToken);
        return Outcome<string>.Success(input.Text);
    }
}
