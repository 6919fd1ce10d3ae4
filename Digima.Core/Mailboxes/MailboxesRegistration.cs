using Digima.Core.Mailboxes;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class MailboxesRegistration
{
    /// <summary>The mailbox connection use cases and validator (R1). The ports (repository,
    /// secret protector, server probe, connection test limiter, IMailboxConnections) are registered by Infrastructure.</summary>
    public static IServiceCollection AddMailboxesUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<MailboxInput>, MailboxInputValidator>();
        services.AddScoped<GetMailboxSettingsQuery>();
        services.AddScoped<SaveMailboxSettingsCommand>();
        services.AddScoped<TestMailboxConnectionCommand>();
        services.AddScoped<StartMailboxOAuthCommand>();
        services.AddScoped<CompleteMailboxOAuthCommand>();
        services.AddScoped<OAuthAccountCheck>();
        services.AddScoped<DisconnectMailboxOAuthCommand>();
        services.AddScoped<GetMailboxReconnectQuery>();

        // Singleton: the credential source that marks a mailbox (a singleton itself) calls it.
        services.AddSingleton<NotifyReconnectRequiredCommand>();
        return services;
    }
}
