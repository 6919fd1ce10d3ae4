using Digima.Core.Common;

namespace Digima.Core.Compose.Signatures;

/// <summary>The actor's own signature (never another user's): for 個人設定 and for compose.</summary>
public sealed class GetSignatureQuery(ISignatureRepository signatures)
{
    /// <returns>The signature, or an empty string when the actor has none.</returns>
    public Task<string> GetAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return signatures.GetAsync(actor.Id, cancellationToken);
    }
}
