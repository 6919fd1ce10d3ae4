using Digima.Core.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Support;

/// <summary>Adds customers directly (test setup, not the code under test).</summary>
public static class TestCustomers
{
    /// <summary>An address no other test uses, so tests share one database in any order.</summary>
    public static string NewAddress() => $"c.{Guid.NewGuid():N}"[..14] + "@customer.test";

    public static async Task<Customer> AddAsync(IServiceProvider services, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        using var scope = services.CreateScope();
        var customers = scope.ServiceProvider.GetRequiredService<ICustomerRepository>();
        var id = await customers.InsertAsync(customer, CancellationToken.None);

        // As stored: its version (UpdatedAt) is what a form filled from it saves against.
        return await customers.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"Customer {id} was not stored.");
    }

    /// <summary>A customer with every name field given, for search tests that check each of them.</summary>
    public static Customer New(string last, string first, string lastKana, string firstKana, string email, string company) => new()
    {
        LastName = last,
        FirstName = first,
        LastNameKana = lastKana,
        FirstNameKana = firstKana,
        Email = email,
        Company = company,
    };
}
