using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>「メールボックス」: one tab (「受信済み」 or 「送信」) of a rep's imported mail, newest
/// first, with keyset paging and search (R19). A rep reads their own; a manager any rep's.</summary>
public sealed class ListImportedMailQuery(IImportedMailQueries queries)
{
    public const int MaxPageSize = 100;

    /// <exception cref="ForbiddenException">A rep asked for another rep's mailbox.</exception>
    public Task<IReadOnlyList<ImportedMailRow>> ListAsync(
        CurrentUser actor, long ownerUserId, MailDirection tab, string? search, MailPageKey? after, int pageSize, CancellationToken cancellationToken) =>
        ListAsync(actor, ownerUserId, tab, search, after, pageSize, null, cancellationToken);

    /// <param name="period">Only mail dated within it (the dashboard's own-client numbers lead here).</param>
    /// <exception cref="ForbiddenException">A rep asked for another rep's mailbox.</exception>
    public Task<IReadOnlyList<ImportedMailRow>> ListAsync(
        CurrentUser actor, long ownerUserId, MailDirection tab, string? search, MailPageKey? after, int pageSize, MailPeriod? period, CancellationToken cancellationToken)
    {
        MailAccess.EnsureCanRead(actor, ownerUserId);
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        return queries.ListAsync(ownerUserId, tab, text, after, Math.Clamp(pageSize, 1, MaxPageSize), period, cancellationToken);
    }
}
