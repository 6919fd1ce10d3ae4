using Digima.Core.Sending;
using Digima.Core.Sending.UndoSend;
using Digima.Infrastructure.Sending.UndoSend;
using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Sending;

internal static class SendingRegistration
{
    public static IServiceCollection AddSendingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddSingleton(configuration.GetSection(OutboxOptions.Section).Get<SendingOptions>() ?? new SendingOptions());
        services.AddValidatedOptions<UndoGraceOptions>(configuration, UndoGraceOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<UndoGraceOptions>>().Value);
        services.AddSingleton<IOutgoingMailRepository, OutgoingMailRepository>();
        services.AddSingleton<IUndoGraceRepository, UndoGraceRepository>();
        services.AddSingleton<TransportErrors>();
        services.AddSingleton<IOutgoingMailTransport, MailKitTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
