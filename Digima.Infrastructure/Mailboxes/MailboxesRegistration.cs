using Digima.Core.Mailboxes;
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
        services.AddOptions<MailServerProbeOptions>()
            .Bind(configuration.GetSection(MailServerProbeOptions.Section))
            .Validate(o => o.ProbeTimeout > TimeSpan.Zero && o.ProbeTimeout <= TimeSpan.FromMinutes(2), "Digima:Mailboxes:ProbeTimeout must be between 0 and 2 minutes.")
            .ValidateOnStart();
        services.AddOptions<DemoMailOptions>()
            .Bind(configuration.GetSection(DemoMailOptions.Section))
            .Validate(DemoMailOptions.IsValid, "Digima:DemoMail needs a loopback Host with ImapPort and SmtpPort (1-65535), or nothing at all.")
            .ValidateOnStart();

        services.AddSingleton<IMailboxRepository, MailboxRepository>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<IMailServerProbe, MailKitServerProbe>();
        services.AddOptions<MailEndpointOptions>().Bind(configuration.GetSection(MailServerProbeOptions.Section));
        services.AddSingleton<MailEndpointPolicy>();
        services.AddOptions<ConnectionTestLimitOptions>()
            .Bind(configuration.GetSection(ConnectionTestLimitOptions.Section))
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero, "Digima:Mailboxes:ConnectionTestLimit needs PermitLimit > 0 and a positive Window.")
            .ValidateOnStart();
        services.AddSingleton<IConnectionTestLimiter, ConnectionTestRateLimit>();
        services.AddSingleton<IMailboxConnections, MailboxConnections>();
        services.AddScoped<DemoMailboxes>();
        return services;
    }
}
