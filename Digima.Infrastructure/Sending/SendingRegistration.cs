using Digima.Core.Sending;
using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Infrastructure.Sending;

internal static class SendingRegistration
{
    public static IServiceCollection AddSendingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddSingleton(configuration.GetSection(OutboxOptions.Section).Get<SendingOptions>() ?? new SendingOptions());
        services.AddSingleton<IOutgoingMailRepository, OutgoingMailRepository>();
        services.AddSingleton<TransportErrors>();
        services.AddSingleton<IOutgoingMailTransport, MailKitTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
