using Digima.Core.Sending;
using Digima.Infrastructure.Configuration;
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
        services.AddValidatedOptions<MailConnectionOptions>(configuration, MailConnectionOptions.Section);
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
