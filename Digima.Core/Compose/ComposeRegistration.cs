using Digima.Core.Compose;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class ComposeRegistration
{
    /// <summary>The compose use cases and validator. The recipient search is registered by Infrastructure.</summary>
    public static IServiceCollection AddComposeUseCases(this IServiceCollection services)
    {
        services.AddScoped<IValidator<ComposeInput>, ComposeInputValidator>();
        services.AddScoped<SearchRecipientsQuery>();
        services.AddScoped<PreviewMailQuery>();
        services.AddScoped<SendMailCommand>();
        services.AddScoped<CheckMailQuery>();
        services.AddScoped<DraftFromMailQuery>();
        return services;
    }
}
