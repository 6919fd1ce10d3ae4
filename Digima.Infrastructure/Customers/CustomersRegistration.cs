using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Digima.Infrastructure.Customers;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class CustomersRegistration
{
    /// <summary>The customer repository, the CSV reader of the import and the start-up backfill
    /// of the readings.</summary>
    public static IServiceCollection AddCustomersInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<ICustomerRepository, CustomerRepository>()
            .AddSingleton<CustomerReadingBackfill>()
            .AddScoped<ICustomerCsvReader, CustomerCsvReader>();
}
