using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>The sync status in 「設定」: last success, counts per folder, skipped mail, last error.</summary>
public sealed class GetMailboxSyncStatusQuery(IImportedMailQueries queries)
{
    /// <exception cref="ForbiddenException">A rep asked for another rep's mailbox.</exception>
    public Task<MailboxSyncStatus?> GetAsync(CurrentUser actor, long ownerUserId, CancellationToken cancellationToken)
    {
        MailAccess.EnsureCanRead(actor, ownerUserId);
        return queries.GetStatusAsync(ownerUserId, cancellationToken);
    }
}
