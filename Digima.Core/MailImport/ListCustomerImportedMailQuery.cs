using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>Imported mail exchanged with one customer, for the profile and timeline. As for the
/// outbox's history (ListCustomerMailQuery), a customer's exchange is not a rep's private mail:
/// every signed-in user may read it (R29), except mail its rep marked 「非公開」: that only its
/// rep and managers see.</summary>
public sealed class ListCustomerImportedMailQuery(IImportedMailQueries queries)
{
    public async Task<IReadOnlyList<ImportedMailRow>> ListAsync(CurrentUser actor, long customerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await queries.ListForCustomerAsync(customerId, null, Math.Clamp(limit, 1, 200), cancellationToken);
        return rows.Where(r => !r.IsPrivate || r.UserId == actor.Id || actor.IsManager).ToList();
    }
}
