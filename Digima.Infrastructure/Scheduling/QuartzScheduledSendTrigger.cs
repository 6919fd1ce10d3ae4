using System.Globalization;
using Digima.Core.Scheduling;
using Quartz;

namespace Digima.Infrastructure.Scheduling;

/// <summary>One job and one one-shot trigger per scheduled mail in the clustered job store. A
/// trigger missed while every node was down fires as soon as a node is up (fire now on misfire).
/// Without a rate limit, send lanes send the mail: a wake trigger at the time starts them, shared by
/// all mail due in the same second, and the mail's own trigger fires
/// <see cref="ClusteredSchedulerOptions.TriggerGrace"/> later as the safety net (a lane that died
/// with its node). A burst of a thousand mails then costs the cluster one firing, not a thousand
/// in the middle of the sending.</summary>
internal sealed class QuartzScheduledSendTrigger(
    ISchedulerFactory schedulers, ScheduledSendOptions sending, ClusteredSchedulerOptions options) : IScheduledSendTrigger
{
    public async Task ScheduleAsync(long mailId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (sending.Spacing is null)
        {
            await WakeSendLanesJob.ScheduleAsync(scheduler, at, cancellationToken);
            at += options.TriggerGrace;
        }

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
