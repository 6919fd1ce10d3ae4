using Digima.Core.Common;

namespace Digima.Core.Compose.Drafts;

/// <summary>The reps' 「下書き」. Every method takes the owner: a draft is only ever found, changed
/// or deleted by the user who wrote it.</summary>
public interface IDraftRepository
{
    /// <summary>Stores a new draft at version 1.</summary>
    /// <returns>The draft's id.</returns>
    Task<long> InsertAsync(long userId, DraftContent content, DateTimeOffset savedAt, CancellationToken cancellationToken);

    /// <summary>Overwrites the draft if it is still at <paramref name="expectedVersion"/> (one UPDATE).</summary>
    /// <returns>The new version, or null when no row matched (another version, another user's, or gone).</returns>
    Task<int?> UpdateAsync(long id, long userId, int expectedVersion, DraftContent content, DateTimeOffset savedAt, CancellationToken cancellationToken);

    /// <returns>The draft, or null when it does not exist or is another user's.</returns>
    Task<MailDraft?> GetAsync(long id, long userId, CancellationToken cancellationToken);

    /// <summary>The user's drafts, last saved first.</summary>
    Task<PagedResult<DraftSummary>> ListAsync(long userId, int offset, int limit, CancellationToken cancellationToken);

    /// <returns>False when there was no such draft of the user's.</returns>
    Task<bool> DeleteAsync(long id, long userId, CancellationToken cancellationToken);
}
