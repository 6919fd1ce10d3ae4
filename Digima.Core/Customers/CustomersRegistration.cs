using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class CustomersRegistration
{
    /// <summary>The customer use cases and validator. The repository and CSV reader are registered by Infrastructure.</summary>
    public static IServiceCollection AddCustomersUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<CustomerInput>, CustomerInputValidator>();
        services.AddScoped<SearchCustomersQuery>();
        services.AddScoped<GetCustomerQuery>();
        services.AddScoped<SaveCustomerCommand>();
        services.AddScoped<ImportCustomersCommand>();
        return services;
    }
}
