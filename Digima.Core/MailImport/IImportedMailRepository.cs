namespace Digima.Core.MailImport;

/// <summary>Imported mail, its customer links, cursors and tombstones.</summary>
public interface IImportedMailRepository
{
    /// <summary>What the user already has of these identities: those settled (deleted by the
    /// user, sent from this app, or imported before content was compared) and, for imported
    /// ones, the content of each stored mail that carries the identity or reuses it.</summary>
    Task<KnownIdentities> FindKnownAsync(long userId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken);

    /// <summary>Customer ids by lower-cased email, for the addresses that belong to a customer.</summary>
    Task<IReadOnlyDictionary<string, long>> MatchCustomersAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <summary>The folder's cursor, or null before its first committed batch.</summary>
    Task<MailImportCursor?> GetCursorAsync(long userId, MailFolderKind kind, CancellationToken cancellationToken);

    /// <summary>Stores the batch in one transaction: new mails (a mail already stored or
    /// tombstoned is left alone), their customer links and customer fields (R24, R25), the
    /// skipped messages and the folder's new cursor when the batch has one. Returns how many
    /// mails were new.</summary>
    Task<int> StoreBatchAsync(MailImportBatch batch, CancellationToken cancellationToken);

    Task RecordSuccessAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RecordFailureAsync(long userId, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the user's mail from the app and tombstones its identity, in one
    /// transaction; false when the mail is not the user's.</summary>
    Task<bool> DeleteAsync(long userId, long mailId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Where a folder's import stands. <see cref="LastUid"/> is valid for <see cref="UidValidity"/> only.</summary>
public sealed record MailImportCursor(MailFolderKind Kind, string FolderName, uint UidValidity, uint LastUid, ulong HighestModSeq, long SeenCount, long ImportedCount);

/// <param name="Cursor">The folder's cursor past this batch, written in the same transaction;
/// null to leave the cursor (the caller moves it once the batches before are stored too).</param>
/// <param name="Seen">Messages looked at in this batch (with or without a customer).</param>
public sealed record MailImportBatch(
    long UserId,
    MailImportCursor? Cursor,
    int Seen,
    IReadOnlyList<ImportedMail> Mails,
    IReadOnlyList<SkippedMail> Skipped,
    DateTimeOffset At)
{
    /// <summary>Relays' Message-IDs of our own mail seen in this batch, stored mail or not.</summary>
    public IReadOnlyList<MessageIdAlias> Aliases { get; init; } = [];
}

/// <param name="Settled">Never imported again: tombstoned, in the outbox, or stored without a content hash.</param>
/// <param name="Stored">Per identity, the content hashes (<see cref="MailIdentity.ContentHash"/>) of
/// the stored mails with that Message-ID: a message with another hash is a different mail reusing it.</param>
public sealed record KnownIdentities(IReadOnlySet<string> Settled, IReadOnlyDictionary<string, IReadOnlySet<string>> Stored)
{
    public static KnownIdentities None { get; } = new(new HashSet<string>(), new Dictionary<string, IReadOnlySet<string>>());
}

public sealed record SkippedMail(MailFolderKind Kind, uint UidValidity, uint Uid, string? MessageId, string Reason, DateTimeOffset At);
