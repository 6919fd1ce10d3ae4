using Digima.Core.Awaiting.Notices;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digima.Infrastructure.Awaiting;

/// <summary>The daily 返信待ち summaries, looked for every <see cref="AwaitingNoticeOptions.SummaryInterval"/>
/// on one node of the cluster (the job store is clustered); the store's unique key keeps it to
/// one summary per rep and local date even if two runs overlap.</summary>
[DisallowConcurrentExecution]
internal sealed class AwaitingSummaryJob(SendAwaitingSummariesCommand summaries, ILogger<AwaitingSummaryJob> logger) : IJob
{
    public static readonly JobKey Key = new("awaiting-summary", "awaiting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var given = await summaries.RunAsync(cancellationToken);
            logger.LogDebug("Awaiting-reply summaries given: {Count}", given);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next firing retries; a job that throws would only be logged by Quartz itself.
            logger.LogError(e, "Awaiting-reply summaries failed");
        }
    }
}
