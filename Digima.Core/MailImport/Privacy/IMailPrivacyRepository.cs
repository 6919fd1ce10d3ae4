namespace Digima.Core.MailImport.Privacy;

/// <summary>An entry of a rep's never-import list.</summary>
public sealed record NeverImportEntry(string Pattern, bool Enabled);

/// <summary>Who read the body of an imported mail, for managers.</summary>
public sealed record MailBodyView(long Id, DateTimeOffset ViewedAt, string ViewerName, string OwnerName, long? MailId, string Subject, bool WasPrivate);

/// <summary>Private mail, the never-import lists and the body-view log.</summary>
public interface IMailPrivacyRepository
{
    /// <summary>Marks the owner's mail private or not; false when the mail is not theirs.</summary>
    Task<bool> SetPrivateAsync(long ownerUserId, long mailId, bool isPrivate, CancellationToken cancellationToken);

    /// <summary>Marks every mail of the owner's mailbox exchanged with the customer private; returns how many.</summary>
    Task<int> MakeCustomerMailPrivateAsync(long ownerUserId, long customerId, CancellationToken cancellationToken);

    Task RecordBodyViewAsync(long viewerUserId, long importedMailId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The newest body views first.</summary>
    Task<IReadOnlyList<MailBodyView>> ListBodyViewsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The rep's stored entries (switched on or off).</summary>
    Task<IReadOnlyList<NeverImportEntry>> ListNeverImportAsync(long userId, CancellationToken cancellationToken);

    Task SaveNeverImportAsync(long userId, NeverImportEntry entry, DateTimeOffset at, CancellationToken cancellationToken);

    Task DeleteNeverImportAsync(long userId, string pattern, CancellationToken cancellationToken);

    /// <summary>A notification for the rep per customer of <paramref name="customerIds"/> that
    /// someone else registered since <paramref name="registeredSince"/>, whose mail the rep's
    /// mailbox holds (not all private yet), and who was never announced to the rep before.
    /// Returns the new notifications' ids.</summary>
    Task<IReadOnlyList<long>> NoticeColleaguesCustomersAsync(
        long userId, IReadOnlyCollection<long> customerIds, DateTimeOffset registeredSince, DateTimeOffset at, CancellationToken cancellationToken);
}
