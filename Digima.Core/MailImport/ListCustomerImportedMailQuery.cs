using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>Imported mail exchanged with one customer, for the profile and timeline. As for the
/// outbox's history (ListCustomerMailQuery), a customer's exchange is not a rep's private mail:
/// every signed-in user may read it (R29); private mail is never imported at all (R18).</summary>
public sealed class ListCustomerImportedMailQuery(IImportedMailQueries queries)
{
    public Task<IReadOnlyList<ImportedMailRow>> ListAsync(CurrentUser actor, long customerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return queries.ListForCustomerAsync(customerId, null, Math.Clamp(limit, 1, 200), cancellationToken);
    }
}
