namespace Digima.Core.Mailboxes;

/// <summary>The saved mailbox of each user (at most one per user).</summary>
public interface IMailboxRepository
{
    /// <summary>The user's saved mailbox, or null when the user has not connected one.</summary>
    Task<StoredMailbox?> GetAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the user's mailbox in one statement. Database failures
    /// (including a user id that does not exist) surface as the database provider's exceptions.</summary>
    /// <remarks>With <see cref="StoredMailbox.OAuth"/> the mailbox is reached with that grant (its
    /// servers' passwords are ''); without, it is a password mailbox and a grant it had is dropped.
    /// Either way 「再接続が必要」 is cleared.</remarks>
    Task SaveAsync(StoredMailbox mailbox, CancellationToken cancellationToken);

    /// <summary>Deletes the user's mailbox with its passwords or tokens (「接続を解除」); a user
    /// without one is left as is.</summary>
    Task DeleteAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Whether a user other than <paramref name="userId"/> has a mailbox with
    /// <paramref name="address"/> as its sender or login (any case).</summary>
    Task<bool> IsAnotherUsersAsync(string address, long userId, CancellationToken cancellationToken);

    /// <summary>Records the Sent folder found by a connection test, but only while the saved
    /// IMAP login is still <paramref name="testedImap"/> (the rep may have saved other settings
    /// meanwhile). Returns whether the row was updated.</summary>
    Task<bool> SetSentFolderAsync(long userId, MailServerKey testedImap, string sentFolderName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records who files the copies of sent mail, learnt by sending through
    /// <paramref name="mailbox"/>: only while it is still unknown and the saved servers, logins and
    /// Sent folder are still the ones used (the rep may have saved others meanwhile). Returns whether
    /// the row was updated.</summary>
    Task<bool> RememberSentCopiesAsync(MailboxConnection mailbox, SentCopyFiling filing, CancellationToken cancellationToken);
}
