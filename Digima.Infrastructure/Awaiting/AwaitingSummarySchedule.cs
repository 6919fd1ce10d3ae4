using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digima.Infrastructure.Awaiting;

/// <summary>Puts the summary job in the clustered job store when a node starts. Every node does
/// the same: the store keeps one job and one trigger (Replace), and one node fires each time.</summary>
internal sealed class AwaitingSummarySchedule(
    ISchedulerFactory schedulers, AwaitingNoticeOptions options, TimeProvider time, ILogger<AwaitingSummarySchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.SummaryEnabled)
        {
            return;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var job = JobBuilder.Create<AwaitingSummaryJob>().WithIdentity(AwaitingSummaryJob.Key).Build();
            var trigger = TriggerBuilder.Create()
                .ForJob(AwaitingSummaryJob.Key)
                // Quartz keeps time with the same TimeProvider; its StartNow would read the system clock.
                .StartAt(time.GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(options.SummaryInterval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Another node's schedule serves; this node's next start tries again.
            logger.LogError(e, "Could not schedule the awaiting-reply summaries");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
