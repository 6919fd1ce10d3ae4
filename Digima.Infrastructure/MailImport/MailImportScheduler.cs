using System.Globalization;
using Digima.Core.MailImport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digima.Infrastructure.MailImport;

/// <summary>Keeps one Quartz job per connected mailbox in the clustered job store (one node runs each firing), firing every
/// <see cref="MailImportOptions.ScheduleInterval"/>; mailboxes connected or removed later are
/// followed every <see cref="MailImportOptions.MailboxRefreshInterval"/>.</summary>
internal sealed class MailImportScheduler(
    ISchedulerFactory schedulers, ConnectedMailboxList mailboxes, MailImportOptions options, TimeProvider time, ILogger<MailImportScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ScheduleEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(await schedulers.GetScheduler(stoppingToken), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not refresh the mail import schedule; retrying");
            }

            try
            {
                await Task.Delay(options.MailboxRefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RefreshAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var wanted = (await mailboxes.ListAsync(cancellationToken)).ToDictionary(SyncMailboxJob.KeyFor);
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("mail-import"), cancellationToken);
        foreach (var gone in existing.Where(k => !wanted.ContainsKey(k)))
        {
            await scheduler.DeleteJob(gone, cancellationToken);
        }

        foreach (var (key, userId) in wanted.Where(w => !existing.Contains(w.Key)))
        {
            var job = JobBuilder.Create<SyncMailboxJob>().WithIdentity(key).UsingJobData(SyncMailboxJob.UserIdKey, userId.ToString(CultureInfo.InvariantCulture)).Build();
            var trigger = TriggerBuilder.Create()
                .ForJob(key)
                // Quartz keeps time with the same TimeProvider; its StartNow would read the system clock.
                .StartAt(time.GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(options.ScheduleInterval).RepeatForever())
                .Build();
            // Another node may register the same mailbox at the same moment: the job store keeps one.
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }
}
