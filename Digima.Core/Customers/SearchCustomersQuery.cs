using Digima.Core.Common;

namespace Digima.Core.Customers;

/// <summary>The customer list with search. Every signed-in user may see every customer (R29).</summary>
public sealed class SearchCustomersQuery(ICustomerRepository customers)
{
    public Task<PagedResult<Customer>> SearchAsync(CurrentUser actor, CustomerSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var bounded = search with
        {
            Offset = Math.Max(0, search.Offset),
            Limit = Math.Clamp(search.Limit, 1, CustomerSearch.MaxLimit),
        };
        return customers.SearchAsync(bounded, cancellationToken);
    }
}
