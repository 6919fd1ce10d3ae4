using System.Globalization;
using Digima.Core.Scheduling;
using Quartz;

namespace Digima.Infrastructure.Scheduling;

/// <summary>One job and one one-shot trigger per scheduled mail in the clustered job store. A
/// trigger missed while every node was down fires as soon as a node is up (fire now on misfire).</summary>
internal sealed class QuartzScheduledSendTrigger(ISchedulerFactory schedulers) : IScheduledSendTrigger
{
    public async Task ScheduleAsync(long mailId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SendScheduledMailJob>()
            .WithIdentity(SendScheduledMailJob.KeyFor(mailId))
            .UsingJobData(SendScheduledMailJob.MailIdKey, mailId.ToString(CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(SendScheduledMailJob.TriggerFor(mailId))
            .ForJob(job)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task UnscheduleAsync(long mailId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(SendScheduledMailJob.KeyFor(mailId), cancellationToken);
    }

    public async Task<bool> ExistsAsync(long mailId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.Exists(SendScheduledMailJob.TriggerFor(mailId), cancellationToken);
    }
}
