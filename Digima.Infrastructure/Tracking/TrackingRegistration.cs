using Digima.Core.Notifications;
using Digima.Core.Tracking;
using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.Notifications;
using Digima.Infrastructure.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class TrackingRegistration
{
    /// <summary>Tracking tokens (secret in <c>tracking_keys</c>), events, notifications, and
    /// <see cref="TrackingOptions"/> from <c>Digima:Tracking</c>.</summary>
    public static IServiceCollection AddTrackingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TrackingOptions>(configuration, TrackingOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrackingOptions>>().Value);
        services.AddSingleton<TrackingKeyStore>();
        services.AddSingleton<ITrackingTokens, HmacTrackingTokens>();
        services.AddSingleton<ITrackingRepository, TrackingRepository>();
        services.AddSingleton<INotificationRepository, NotificationRepository>();
        services.AddSingleton<INotificationMailer, SmtpNotificationMailer>();
        services.AddSingleton<TrackedHtml>();
        return services;
    }
}
