using Digima.Core.Sending;
using Microsoft.Extensions.Configuration;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Sending;

internal static class SendingRegistration
{
    public static IServiceCollection AddSendingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton(configuration.GetSection(OutboxOptions.Section).Get<SendingOptions>() ?? new SendingOptions());
        services.AddSingleton<IOutgoingMailRepository, OutgoingMailRepository>();
        services.AddOptions<MailConnectionOptions>()
            .Bind(configuration.GetSection(MailConnectionOptions.Section))
            .Validate(o => o.IsValid(), "Digima:MailConnections has a value out of range (see MailConnectionOptions).")
            .ValidateOnStart();
        services.AddSingleton<MailKitConnect>();
        services.AddSingleton(sp => new MailClientPool<SmtpClient>(
            sp.GetRequiredService<MailKitConnect>().SmtpAsync, sp.GetRequiredService<IOptions<MailConnectionOptions>>().Value, sp.GetRequiredService<ILogger<MailKitTransport>>()));
        services.AddSingleton(sp => new MailClientPool<ImapClient>(
            sp.GetRequiredService<MailKitConnect>().ImapAsync, sp.GetRequiredService<IOptions<MailConnectionOptions>>().Value, sp.GetRequiredService<ILogger<MailKitTransport>>()));
        services.AddSingleton<TransportErrors>();
        services.AddSingleton<IOutgoingMailTransport, MailKitTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
