using Digima.Infrastructure.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Digima.Infrastructure.Health;

/// <summary>Ready only while this node's Quartz scheduler is running in the cluster (started, not
/// in standby, not shut down); a node configured not to fire triggers has nothing to check.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, ClusteredSchedulerOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.SchedulingEnabled)
        {
            return HealthCheckResult.Healthy("Scheduling is off on this node.");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"The scheduler is {status}, not running.");
    }
}
