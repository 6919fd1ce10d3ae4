using Digima.Core.Common;

namespace Digima.Core.MailImport.Privacy;

/// <summary>「閲覧記録」: who read which imported mail's body, newest first. Managers only.</summary>
public sealed class ListMailBodyViewsQuery(IMailPrivacyRepository store)
{
    /// <exception cref="ForbiddenException">The actor is not a manager.</exception>
    public Task<IReadOnlyList<MailBodyView>> ListAsync(CurrentUser actor, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureManager();
        return store.ListBodyViewsAsync(Math.Clamp(limit, 1, 500), cancellationToken);
    }
}
