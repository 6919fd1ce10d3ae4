namespace Digima.Core.Compose.Drafts;

public enum DraftSaveStatus
{
    Saved,

    /// <summary>The draft was saved from somewhere else since this copy was loaded: nothing was written.</summary>
    Conflict,

    /// <summary>The draft is gone (deleted, sent, or never the actor's): nothing was written.</summary>
    NotFound,
}

/// <param name="Version">The stored version after the save (meaningful when saved).</param>
public sealed record DraftSave(DraftSaveStatus Status, long Id, int Version, DateTimeOffset SavedAt)
{
    public bool Saved => Status == DraftSaveStatus.Saved;
}
