namespace Digima.Core.MailImport;

/// <summary>Reads imported mail for the mailbox list, the preview and the customer profile.</summary>
public interface IImportedMailQueries
{
    /// <summary>A page of the owner's mail of one tab, newest first, after <paramref name="after"/>
    /// (keyset paging); <paramref name="search"/> matches subject, sender, recipients and snippet;
    /// <paramref name="period"/>, when given, keeps mail dated within it.</summary>
    Task<IReadOnlyList<ImportedMailRow>> ListAsync(
        long ownerUserId, MailDirection direction, string? search, MailPageKey? after, int limit, MailPeriod? period, CancellationToken cancellationToken);

    /// <summary>The mail with its body, or null when it does not exist.</summary>
    Task<ImportedMail?> GetAsync(long mailId, CancellationToken cancellationToken);

    /// <summary>Mail linked to the customer, newest first; only the given owner's when not null.</summary>
    Task<IReadOnlyList<ImportedMailRow>> ListForCustomerAsync(long customerId, long? ownerUserId, int limit, CancellationToken cancellationToken);

    /// <summary>The mailbox's sync status; null before its first sync.</summary>
    Task<MailboxSyncStatus?> GetStatusAsync(long userId, CancellationToken cancellationToken);

    /// <summary>The folder's skipped mail for one reason (<see cref="SkipReasons"/>), newest first.</summary>
    Task<IReadOnlyList<SkippedMail>> ListSkippedAsync(long userId, ImportFolder folder, string reasonCode, int limit, CancellationToken cancellationToken);
}

/// <summary>A list row: no body, so a page stays small. <paramref name="CustomerName"/> (姓 名) is
/// the customer the row is about: the sender, else the first customer addressed.</summary>
public sealed record ImportedMailRow(
    long Id,
    long UserId,
    MailDirection Direction,
    string Subject,
    string FromAddress,
    string FromName,
    IReadOnlyList<MailParty> To,
    DateTimeOffset MailDate,
    string Snippet,
    bool HasAttachments,
    string ThreadKey,
    long? CustomerId,
    string? CustomerName,
    bool IsPrivate = false);

/// <summary>Where the previous page ended: its last row's date and id.</summary>
public sealed record MailPageKey(DateTimeOffset MailDate, long Id)
{
    public static MailPageKey After(ImportedMailRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new MailPageKey(row.MailDate, row.Id);
    }
}

/// <summary>Sync status of a mailbox for 「設定」.</summary>
public sealed record MailboxSyncStatus(
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    IReadOnlyList<MailImportCursor> Folders,
    IReadOnlyList<SkippedMail> RecentSkipped)
{
    /// <summary>Skipped mail counted per folder and reason.</summary>
    public IReadOnlyList<SkippedCount> SkippedCounts { get; init; } = [];

    public int Skipped(MailImportCursor folder, string reasonCode) =>
        SkippedCounts.Where(c => c.Folder == folder.Folder && c.ReasonCode == reasonCode).Sum(c => c.Count);
}

/// <summary>How many messages of a folder were skipped for one reason.</summary>
public sealed record SkippedCount(ImportFolder Folder, string ReasonCode, int Count);

/// <summary>Mail dated from <see cref="From"/> (included) to <see cref="To"/> (excluded).</summary>
public sealed record MailPeriod(DateTimeOffset From, DateTimeOffset To);
