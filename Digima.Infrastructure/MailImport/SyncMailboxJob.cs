using System.Globalization;
using Digima.Core.MailImport;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digima.Infrastructure.MailImport;

/// <summary>The periodic sync of one mailbox (one job per mailbox, see MailImportScheduler).
/// Quartz never runs two at once for the same job, on any node (the job store is clustered); the use
/// case's advisory lock keeps it apart from IDLE and 「今すぐ同期」.</summary>
[DisallowConcurrentExecution]
internal sealed class SyncMailboxJob(SyncMailboxCommand sync, ILogger<SyncMailboxJob> logger) : IJob
{
    public const string UserIdKey = "userId";

    public static JobKey KeyFor(long userId) => new($"mail-import-{userId}", "mail-import");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Stored as text: job data survives any serializer the store is given.
        var userId = long.Parse(context.MergedJobDataMap.GetString(UserIdKey)!, CultureInfo.InvariantCulture);
        try
        {
            var result = await sync.SyncAsync(userId, cancellationToken);
            logger.LogDebug("Periodic mail import for user {UserId}: {Outcome}, {Imported} imported", userId, result.Outcome, result.Imported);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next firing retries; a job that throws would only be logged by Quartz itself.
            logger.LogError(e, "Periodic mail import for user {UserId} failed", userId);
        }
    }
}
