using Digima.Core.Common;

namespace Digima.Core.Sending;

/// <summary>Mail sent to one customer, for the profile (R13; the full timeline is its own feature).
/// Every signed-in user may read a customer's mail history (R29).</summary>
public sealed class ListCustomerMailQuery(IOutgoingMailRepository outbox)
{
    public Task<IReadOnlyList<OutgoingMail>> ListAsync(CurrentUser actor, long customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return outbox.ListForCustomerAsync(customerId, 50, cancellationToken);
    }
}
