using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Infrastructure.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The options and the database gauges; the host decides what is exported (Digima.Blazor's Telemetry).</summary>
    public static IServiceCollection AddTelemetryInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        services.AddSingleton<OperationsReadings>();
        services.AddSingleton<DigimaGauges>();
        return services;
    }
}
