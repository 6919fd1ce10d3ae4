using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport;

/// <summary>Reads a rep's mailbox for the import. Read-only: nothing is changed on the server.</summary>
public interface IMailImportServer
{
    /// <summary>A logged-in connection to the mailbox's IMAP server: the one kept from the
    /// mailbox's last sync when there is one, else a new login. Disposing the session gives it
    /// back for the next sync (or logs it out).</summary>
    /// <exception cref="MailImportException">The server refused the login or cannot be reached.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken);
}

/// <summary>One logged-in connection, used by one sync at a time (never shared between threads).
/// Every method may throw <see cref="MailImportException"/> when the connection breaks or the
/// server answers with an error, and <see cref="OperationCanceledException"/> when cancelled.</summary>
public interface IMailImportSession : IAsyncDisposable
{
    /// <summary>Opens the folder read-only and makes it the current one; null when the mailbox
    /// has no such folder (no Sent folder found, a chosen folder deleted or renamed on the server).</summary>
    Task<MailFolderState?> OpenAsync(ImportFolder folder, CancellationToken cancellationToken);

    /// <summary>The mailbox's folders that can be opened (IMAP LIST without \Noselect), the Inbox
    /// and the Sent folder (found as <see cref="OpenAsync"/> finds them) marked as such.</summary>
    Task<IReadOnlyList<ServerFolder>> ListFoldersAsync(CancellationToken cancellationToken);

    /// <summary>UIDs of the current folder's messages that arrived on or after the day of
    /// <paramref name="since"/>, ascending.</summary>
    Task<IReadOnlyList<uint>> SearchSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>UIDs of the current folder's messages that arrived on or after the day of
    /// <paramref name="since"/> and name <paramref name="address"/> in From, To, Cc or Bcc,
    /// ascending: the server searches, nothing is fetched. A null address finds every message
    /// since then. The server matches substrings, so the result may hold a few messages of
    /// longer addresses that contain this one: the import matches addresses exactly.</summary>
    Task<IReadOnlyList<uint>> SearchExchangedWithAsync(string? address, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>UIDs of the current folder greater than <paramref name="lastUid"/>, ascending.</summary>
    Task<IReadOnlyList<uint>> SearchAfterAsync(uint lastUid, CancellationToken cancellationToken);

    /// <summary>Summaries of these messages, in one command. Messages gone meanwhile are absent.</summary>
    Task<IReadOnlyList<MailSummary>> FetchSummariesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken);

    /// <summary>The bodies of these messages, in one command: each read, or unreadable with the
    /// reason. Messages gone meanwhile are in neither list.</summary>
    Task<MailBodies> FetchBodiesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken);
}

/// <param name="UidNext">The UID the next message will get; null when the server did not say.</param>
/// <param name="HighestModSeq">CONDSTORE's HIGHESTMODSEQ; 0 without CONDSTORE.</param>
/// <param name="Count">Messages in the folder (EXISTS: the number STATUS MESSAGES gives).</param>
public sealed record MailFolderState(MailFolderKind Kind, string FullName, uint UidValidity, uint? UidNext, ulong HighestModSeq, int Count)
{
    /// <summary>The chosen folder's key (<see cref="ImportFolder.Key"/>).</summary>
    public string Key { get; init; } = "";
}

public sealed record MailBodies(IReadOnlyList<MailContent> Read, IReadOnlyList<UnreadableMail> Unreadable);

/// <summary>The mail server refused or broke the connection; <see cref="Exception.Message"/> is
/// written for the rep (shown as the sync's last error).</summary>
public sealed class MailImportException(string message, Exception? inner = null) : Exception(message, inner);
