using Digima.Core.Common;

namespace Digima.Core.Customers;

/// <summary>One customer for the profile page.</summary>
public sealed class GetCustomerQuery(ICustomerRepository customers)
{
    /// <exception cref="NotFoundException">No such customer.</exception>
    public async Task<Customer> GetAsync(CurrentUser actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await customers.GetAsync(id, cancellationToken)
            ?? throw new NotFoundException($"Customer {id} does not exist.");
    }
}
