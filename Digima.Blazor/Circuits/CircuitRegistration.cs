using Digima.Infrastructure.Configuration;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Digima.Blazor.Circuits;

/// <summary>Blazor Server with the node's circuit limits (<see cref="CircuitLimits"/>) and, in a
/// benchmark only, the memory figures behind them (<see cref="DiagnosticsEndpoints"/>).</summary>
internal static class CircuitRegistration
{
    public static IServiceCollection AddCircuits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CircuitLimits>(configuration, CircuitLimits.Section);
        // The hub's options are read once, when the hub is built; the section is read here for them.
        var limits = configuration.GetSection(CircuitLimits.Section).Get<CircuitLimits>() ?? new CircuitLimits();
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = Math.Max(limits.MaximumReceiveMessageSize, CircuitLimits.MinimumReceiveMessageSize));
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimits>>((circuit, configured) =>
        {
            circuit.DisconnectedCircuitRetentionPeriod = configured.Value.DisconnectedRetention;
            circuit.DisconnectedCircuitMaxRetained = configured.Value.DisconnectedMaxRetained;
            circuit.MaxBufferedUnacknowledgedRenderBatches = configured.Value.MaxBufferedRenderBatches;
        });
        services.AddDiagnostics(configuration);
        return services;
    }
}
