using Digima.Core.Mailboxes;
using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.Mailboxes;
using Digima.Infrastructure.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class MailboxesRegistration
{
    /// <summary>The mailbox ports (repository, Data Protection secrets, MailKit probe and the
    /// addresses it may reach, the connection test limit, <see cref="IMailboxConnections"/>), the
    /// probe timeout and the demo mailbox settings.</summary>
    public static IServiceCollection AddMailboxesInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailServerProbeOptions>(configuration, MailServerProbeOptions.Section);
        services.AddValidatedOptions<DemoMailOptions>(configuration, DemoMailOptions.Section);

        services.AddSingleton<IMailboxRepository, MailboxRepository>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<IMailServerProbe, MailKitServerProbe>();
        services.AddOptions<MailEndpointOptions>().Bind(configuration.GetSection(MailServerProbeOptions.Section));
        services.AddSingleton<MailEndpointPolicy>();
        services.AddValidatedOptions<ConnectionTestLimitOptions>(configuration, ConnectionTestLimitOptions.Section);
        services.AddSingleton<IConnectionTestLimiter, ConnectionTestRateLimit>();
        services.AddSingleton<IOAuthStartRepository, OAuthStartRepository>();
        services.AddSingleton<MailboxGrantRefresh>();
        services.AddSingleton<IMailboxConnections, MailboxConnections>();
        services.AddScoped<DemoMailboxes>();
        return services;
    }
}
