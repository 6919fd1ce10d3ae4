using Digima.Infrastructure.LiveUpdates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digima.Infrastructure.Health;

/// <summary>Ready only while this node's LISTEN connection of the live-event bus is up: without
/// it the node's screens would miss what other nodes publish (sent, imported, notices).</summary>
internal sealed class LiveEventsHealthCheck(LiveEventListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.IsListening
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The live-event bus is not listening (reconnecting)."));
}
