using Digima.Core.Common;

namespace Digima.Core.Sending.UndoSend;

/// <summary>The actor's own grace: their choice in 個人設定, else the configured default.</summary>
public sealed class GetUndoGraceQuery(IUndoGraceRepository graces, UndoGraceOptions options)
{
    public async Task<TimeSpan> GetAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var seconds = await graces.GetSecondsAsync(actor.Id, cancellationToken);
        return seconds is { } chosen ? TimeSpan.FromSeconds(chosen) : options.UndoGrace;
    }
}
