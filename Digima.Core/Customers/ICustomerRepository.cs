using Digima.Core.Common;

namespace Digima.Core.Customers;

/// <summary>Customer records.</summary>
public interface ICustomerRepository
{
    /// <summary>A page of customers matching the search, prefix matches of a field before
    /// matches inside it, then by kana.</summary>
    Task<PagedResult<Customer>> SearchAsync(CustomerSearch search, CancellationToken cancellationToken);

    Task<Customer?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The customers with these ids that exist (in no particular order).</summary>
    Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <exception cref="DuplicateEmailException">Another customer has this email.</exception>
    Task<long> InsertAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>Updates the editable fields, only while they are still as they were at
    /// <paramref name="unchangedSince"/> (the <see cref="Customer.UpdatedAt"/> read before); false
    /// when the customer does not exist or was saved since.</summary>
    /// <exception cref="DuplicateEmailException">Another customer has this email.</exception>
    Task<bool> UpdateAsync(Customer customer, DateTimeOffset unchangedSince, CancellationToken cancellationToken);

    /// <summary>Inserts all customers in one transaction: all or none.</summary>
    /// <exception cref="DuplicateEmailException">One of the emails is taken (someone saved it meanwhile).</exception>
    Task<int> InsertAllAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken);

    /// <summary>Of the given emails, those already used by a customer (lower-cased).</summary>
    Task<IReadOnlySet<string>> FindExistingEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);
}
