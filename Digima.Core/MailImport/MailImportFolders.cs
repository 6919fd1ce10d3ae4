namespace Digima.Core.MailImport;

/// <summary>The folders a rep chose to import (stored per mailbox).</summary>
public interface IMailImportFolderRepository
{
    /// <summary>The chosen folders; empty when the rep never chose (then <see cref="ImportFolder.Default"/>).</summary>
    Task<IReadOnlyList<ImportFolder>> ListAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Replaces the choice, in one transaction.</summary>
    Task SaveAsync(long userId, IReadOnlyList<ImportFolder> folders, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Which folders a mailbox imports from. The one answer for every reader of a mailbox
/// (the sync, IDLE's sync, 「完全に再同期」, the backfill of a customer's past mail): what one
/// imports, the others search.</summary>
public sealed class MailImportFolders(IMailImportFolderRepository folders)
{
    /// <summary>The rep's choice in a fixed order (Inbox, Sent, then the others by name), or
    /// Inbox and Sent when the rep never chose.</summary>
    public async Task<IReadOnlyList<ImportFolder>> ChosenAsync(long userId, CancellationToken cancellationToken)
    {
        var chosen = await folders.ListAsync(userId, cancellationToken);
        return chosen.Count == 0
            ? ImportFolder.Default
            : chosen.OrderBy(f => f.Kind).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
    }
}
