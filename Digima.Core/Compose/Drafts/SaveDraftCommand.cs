using Digima.Core.Common;

namespace Digima.Core.Compose.Drafts;

/// <summary>Saves what the rep has typed as their 「下書き」: the first save creates it, every later
/// save is one UPDATE guarded by the version the page loaded, so two tabs on one draft never
/// overwrite each other silently. Called by compose's autosave (and by the benchmark).</summary>
public sealed class SaveDraftCommand(IDraftRepository drafts, TimeProvider time)
{
    /// <param name="draftId">Null for a mail not yet saved: a new draft is created.</param>
    /// <param name="expectedVersion">The version the caller last loaded or saved.</param>
    public async Task<DraftSave> SaveAsync(CurrentUser actor, long? draftId, int expectedVersion, DraftContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var now = time.GetUtcNow();
        if (draftId is not { } id)
        {
            return new DraftSave(DraftSaveStatus.Saved, await drafts.InsertAsync(actor.Id, content, now, cancellationToken), 1, now);
        }

        if (await drafts.UpdateAsync(id, actor.Id, expectedVersion, content, now, cancellationToken) is { } version)
        {
            return new DraftSave(DraftSaveStatus.Saved, id, version, now);
        }

        // Only on the rare refusal: tell a newer version (conflict) from a draft that is gone.
        var current = await drafts.GetAsync(id, actor.Id, cancellationToken);
        return current is null
            ? new DraftSave(DraftSaveStatus.NotFound, id, 0, now)
            : new DraftSave(DraftSaveStatus.Conflict, id, current.Version, current.UpdatedAt);
    }
}
