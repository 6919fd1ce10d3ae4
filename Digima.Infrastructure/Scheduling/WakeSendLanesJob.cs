using System.Globalization;
using Digima.Core.LiveUpdates;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digima.Infrastructure.Scheduling;

/// <summary>Scheduled mail fell due: start this node's send lanes and tell the other nodes to start
/// theirs. One trigger per due second,
/// shared by every mail due then, in the clustered store like the mails' own triggers, so a
/// second missed while every node was down fires as soon as one is up.</summary>
internal sealed class WakeSendLanesJob(ScheduledSendLanes lanes, ILiveEvents live, ILogger<WakeSendLanesJob> logger) : IJob
{
    private const string Group = "scheduled-send-wake";

    public static async Task ScheduleAsync(IScheduler scheduler, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Rounded up: never before the mail's time.
        var second = (at.ToUnixTimeMilliseconds() + 999) / 1000;
        var name = "at-" + second.ToString(CultureInfo.InvariantCulture);
        var key = new TriggerKey(name, Group);
        if (await scheduler.Exists(key, cancellationToken))
        {
            // The mail due in the same second share it; replacing would only cost the cluster's lock.
            return;
        }

        var job = JobBuilder.Create<WakeSendLanesJob>().WithIdentity(name, Group).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(job)
            .StartAt(DateTimeOffset.FromUnixTimeSeconds(second))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        // Two mails scheduled at once may both find it missing: the second replaces the first.
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await lanes.StartDueAsync(cancellationToken);
            // The other nodes join in (this one again too, which finds its lanes running).
            await live.PublishAsync(new ScheduledMailDue(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Each mail's own trigger still fires after the grace.
            logger.LogError(e, "Send lanes could not be started");
        }
    }
}
