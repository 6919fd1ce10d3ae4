using Digima.Core.Notifications;
using Digima.Core.Tracking;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class TrackingRegistration
{
    /// <summary>Tracking and notification use cases; ports and <see cref="TrackingOptions"/> come from Infrastructure.</summary>
    public static IServiceCollection AddTrackingUseCases(this IServiceCollection services)
    {
        services.AddScoped<RecordTrackingEventCommand>();
        services.AddScoped<OpenNotifier>();
        services.AddScoped<GetTrackingSummaryQuery>();
        services.AddScoped<ListNotificationsQuery>();
        services.AddScoped<MarkNotificationReadCommand>();
        services.AddScoped<GetNotificationSettingsQuery>();
        services.AddScoped<SaveNotificationSettingsCommand>();
        return services;
    }
}
