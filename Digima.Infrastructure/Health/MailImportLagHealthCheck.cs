using Digima.Infrastructure.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Health;

/// <summary>Degraded, never unready, when a mailbox has not imported for longer than
/// <see cref="HealthOptions.ImportLagDegradedAfter"/>: the cause is a mail server or a rep's
/// password, and taking the node out of the load balancer would not help. Counts only: the
/// answer is anonymous, the mailboxes are on the gauge and in the logs.</summary>
internal sealed class MailImportLagHealthCheck(OperationsReadings readings, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var threshold = options.Value.ImportLagDegradedAfter;
        var lags = await readings.ImportLagsAsync(time.GetUtcNow(), cancellationToken);
        var late = lags.Count(l => l.Lag > threshold);
        return late == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{late} of {lags.Count} mailboxes have not imported for over {threshold:c}.");
    }
}
