using Digima.Core.Templates;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class TemplatesRegistration
{
    /// <summary>The template use cases and validator (R22). The repository is registered by Infrastructure.</summary>
    public static IServiceCollection AddTemplatesUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<TemplateInput>, TemplateInputValidator>();
        services.AddScoped<ListTemplatesQuery>();
        services.AddScoped<GetTemplateQuery>();
        services.AddScoped<UseTemplateQuery>();
        services.AddScoped<ListTemplateAttachmentsQuery>();
        services.AddScoped<SaveTemplateCommand>();
        services.AddScoped<DeleteTemplateCommand>();
        return services;
    }
}
