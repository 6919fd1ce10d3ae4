using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Digima.Infrastructure.Customers;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class CustomersRegistration
{
    /// <summary>The customer repository and the CSV reader of the import.</summary>
    public static IServiceCollection AddCustomersInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<ICustomerRepository, CustomerRepository>()
            .AddScoped<ICustomerCsvReader, CustomerCsvReader>();
}
