using Digima.Core.LiveUpdates;
using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.LiveUpdates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class LiveUpdatesRegistration
{
    /// <summary>The change event bus: local fan-out plus PostgreSQL LISTEN/NOTIFY between nodes.</summary>
    public static IServiceCollection AddLiveUpdatesInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LiveUpdatesOptions>(configuration, LiveUpdatesOptions.Section);
        services.AddSingleton<LocalLiveEventHub>();
        services.AddSingleton<ILiveEvents, PostgresLiveEvents>();
        services.AddSingleton<LiveEventListener>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventListener>());
        return services;
    }
}
