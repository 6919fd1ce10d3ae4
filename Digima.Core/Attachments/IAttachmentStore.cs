namespace Digima.Core.Attachments;

/// <summary>Where attachments live (PostgreSQL, shared by every node: decision 0015). Content
/// streams in and out in chunks; no method holds a whole file in memory.</summary>
public interface IAttachmentStore
{
    /// <summary>Stores <paramref name="content"/> read to its end. Null when it holds more than
    /// <paramref name="maxBytes"/>: reading stops there and nothing is kept.</summary>
    Task<StoredFile?> SaveAsync(NewStoredFile file, Stream content, long maxBytes, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredFile>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The files of a mail written in this app, in the order they were attached.</summary>
    Task<IReadOnlyList<StoredFile>> ListForOutgoingAsync(long outgoingMailId, CancellationToken cancellationToken);

    /// <summary>The stored files of an imported mail, in the order they appear in it.</summary>
    Task<IReadOnlyList<StoredFile>> ListForImportedAsync(long importedMailId, CancellationToken cancellationToken);

    /// <summary>A template's files, in order.</summary>
    Task<IReadOnlyList<StoredFile>> ListForTemplateAsync(long templateId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="fileIds"/> the template's files, in that order: its own files
    /// not named are deleted, and loose files of <paramref name="actorUserId"/> named become its.
    /// Any other id is ignored.</summary>
    Task SetTemplateFilesAsync(long templateId, IReadOnlyList<long> fileIds, long actorUserId, CancellationToken cancellationToken);

    /// <summary>The content, read chunk by chunk while the caller reads. The caller disposes it.</summary>
    /// <exception cref="Common.NotFoundException">No such file.</exception>
    Task<Stream> OpenReadAsync(long id, CancellationToken cancellationToken);

    /// <summary>Gives loose files of <paramref name="ownerUserId"/> to a mail written in this app,
    /// in the given order. Returns how many were given: fewer means some were not the owner's
    /// loose files (already sent, deleted, or another user's).</summary>
    Task<int> AttachToOutgoingAsync(IReadOnlyList<long> fileIds, long ownerUserId, long outgoingMailId, CancellationToken cancellationToken);

    /// <summary>Copies of files as new loose files of <paramref name="ownerUserId"/> (複製, 転送,
    /// templates), copied inside the database; in the order given.</summary>
    Task<IReadOnlyList<StoredFile>> CopyAsync(IReadOnlyList<long> fileIds, long ownerUserId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes loose files of the owner (a file removed in compose, a deleted draft's).</summary>
    Task DeleteLooseAsync(IReadOnlyCollection<long> fileIds, long ownerUserId, CancellationToken cancellationToken);

    /// <summary>Deletes loose files created before <paramref name="createdBefore"/> that no draft of
    /// their owner names: uploads of a compose page left without saving, or taken out of a draft.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteAbandonedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
