namespace Digima.Core.MailImport;

/// <summary>Makes sure one node at a time syncs a mailbox, whatever triggered the sync.</summary>
public interface IMailboxSyncLock
{
    /// <summary>Takes the mailbox's lock without waiting; null when another sync holds it.
    /// Disposing the result releases it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(long userId, CancellationToken cancellationToken);
}
