using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digima.Infrastructure.Health;

public static class HealthRegistration
{
    /// <summary>The tag of the checks behind /healthz/ready (and /healthz).</summary>
    public const string Ready = "ready";

    /// <summary>Every readiness check, each with its own time-out (<see cref="HealthOptions.CheckTimeout"/>).
    /// The database, the bus and the scheduler make the node unready; import lag only Degraded.</summary>
    public static IServiceCollection AddHealthInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HealthOptions>(configuration, HealthOptions.Section);
        var timeout = (configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions()).CheckTimeout;
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<LiveEventsHealthCheck>("live-events", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<SchedulerHealthCheck>("scheduler", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<MailImportLagHealthCheck>("mail-import", HealthStatus.Degraded, [Ready], timeout);
        return services;
    }
}
