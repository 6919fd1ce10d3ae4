using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Digima.Core.Compose.Signatures;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class ComposeRegistration
{
    /// <summary>The compose use cases and validator. The recipient search, the signature store and the draft store are registered by Infrastructure.</summary>
    public static IServiceCollection AddComposeUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<ComposeInput>, ComposeInputValidator>();
        services.AddScoped<SearchRecipientsQuery>();
        services.AddScoped<SearchColleaguesQuery>();
        services.AddScoped<PreviewMailQuery>();
        services.AddScoped<SendMailCommand>();
        services.AddScoped<CheckMailQuery>();
        services.AddScoped<CheckRecipientsQuery>();
        services.AddScoped<DraftFromMailQuery>();
        services.AddSingleton<IValidator<SignatureInput>, SignatureInputValidator>();
        services.AddScoped<GetSignatureQuery>();
        services.AddScoped<SaveSignatureCommand>();
        services.AddScoped<SaveDraftCommand>();
        services.AddScoped<GetDraftQuery>();
        services.AddScoped<ListDraftsQuery>();
        services.AddScoped<DeleteDraftCommand>();
        return services;
    }
}
