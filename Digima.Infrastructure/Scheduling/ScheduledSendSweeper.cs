using Digima.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Scheduling;

/// <summary>The safety net under the triggers: a mail is stored before its trigger is set, so a
/// crash in between (or a trigger lost any other way) would leave it waiting forever. On start
/// and every <see cref="ClusteredSchedulerOptions.SweepInterval"/>, overdue scheduled mail without a trigger gets one now.</summary>
internal sealed class ScheduledSendSweeper(
    IServiceScopeFactory scopes, ClusteredSchedulerOptions options, TimeProvider time, ILogger<ScheduledSendSweeper> logger) : BackgroundService
{
    /// <summary>A trigger firing normally claims its mail well within this.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SchedulingEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The scheduled-send sweep failed; retrying");
            }

            try
            {
                await Task.Delay(options.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IScheduledMailRepository>();
        var trigger = scope.ServiceProvider.GetRequiredService<IScheduledSendTrigger>();
        var now = time.GetUtcNow();
        var rescued = 0;
        foreach (var (id, _) in await repository.ListDueAsync(now - Grace, 500, cancellationToken))
        {
            if (!await trigger.ExistsAsync(id, cancellationToken))
            {
                logger.LogWarning("Scheduled mail {MailId} was overdue without a trigger: firing it now", id);
                await trigger.ScheduleAsync(id, now, cancellationToken);
                rescued++;
            }
        }

        return rescued;
    }
}
