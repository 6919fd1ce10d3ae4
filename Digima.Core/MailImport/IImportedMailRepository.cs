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
    Task<MailImportCursor?> GetCursorAsync(long userId, ImportFolder folder, CancellationToken cancellationToken);

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

/// <summary>Where a folder's import stands, with what it counted (the sync card's totals, B5).
/// <see cref="LastUid"/> is valid for <see cref="UidValidity"/> only.</summary>
public sealed record MailImportCursor(MailFolderKind Kind, string FolderName, uint UidValidity, uint LastUid, ulong HighestModSeq, long SeenCount, long ImportedCount)
{
    /// <summary>The chosen folder's key (<see cref="ImportFolder.Key"/>).</summary>
    public string Key { get; init; } = "";

    /// <summary>Messages in the folder on the server at the last sync.</summary>
    public long ServerCount { get; init; }

    /// <summary>Messages looked at with no customer in them.</summary>
    public long NoCustomerCount { get; init; }

    /// <summary>Messages with a customer already in the app (found in another folder first, sent from the app).</summary>
    public long KnownCount { get; init; }

    public ImportFolder Folder => ImportFolder.Of(Kind, Key);
}

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

    /// <summary>Messages of the batch with no customer in them.</summary>
    public int NoCustomer { get; init; }

    /// <summary>Messages of the batch with a customer, already in the app.</summary>
    public int Known { get; init; }
}

/// <param name="Settled">Never imported again: tombstoned, in the outbox, or stored without a content hash.</param>
/// <remarks><see cref="Deleted"/>: those of <paramref name="Settled"/> the rep deleted in the app (R23).</remarks>
/// <param name="Stored">Per identity, the content hashes (<see cref="MailIdentity.ContentHash"/>) of
/// the stored mails with that Message-ID: a message with another hash is a different mail reusing it.</param>
public sealed record KnownIdentities(IReadOnlySet<string> Settled, IReadOnlyDictionary<string, IReadOnlySet<string>> Stored)
{
    public static KnownIdentities None { get; } = new(new HashSet<string>(), new Dictionary<string, IReadOnlySet<string>>());

    public IReadOnlySet<string> Deleted { get; init; } = new HashSet<string>();
}

/// <summary>A message the import looked at and did not store, with the reason: the detail in
/// <see cref="Reason"/>, the kind in <see cref="ReasonCode"/> (<see cref="SkipReasons"/>).</summary>
public sealed record SkippedMail(MailFolderKind Kind, uint UidValidity, uint Uid, string? MessageId, string Reason, DateTimeOffset At)
{
    /// <summary>The folder's key (<see cref="ImportFolder.Key"/>).</summary>
    public string Key { get; init; } = "";

    public string ReasonCode { get; init; } = SkipReasons.Unreadable;

    public string Subject { get; init; } = "";

    public string FromAddress { get; init; } = "";
}

/// <summary>Why a message with a customer was not stored; the sync card counts by these.</summary>
public static class SkipReasons
{
    /// <summary>It could not be read or parsed (malformed).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>It names an address or domain on the rep's never-import list.</summary>
    public const string NeverImport = "never-import";

    /// <summary>The rep deleted it in the app; it is never imported again (R23).</summary>
    public const string Deleted = "deleted";

    /// <summary>Stored meanwhile by another path (a backfill, another folder's batch).</summary>
    public const string Known = "known";

    public static IReadOnlyList<string> All { get; } = [Unreadable, NeverImport, Deleted, Known];
}
