using Digima.Core.Templates;
using Digima.Infrastructure.Templates;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class TemplatesRegistration
{
    /// <summary>The template repository (R22).</summary>
    public static IServiceCollection AddTemplatesInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<ITemplateRepository, TemplateRepository>();
}
