using System.Globalization;
using Digima.Core.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digima.Infrastructure.Scheduling;

/// <summary>The trigger of one scheduled mail fired (on one node of the cluster): start this node's
/// send lanes for every mailbox with due mail, then run this mail (a lane may have sent it already).</summary>
internal sealed class SendScheduledMailJob(
    SendScheduledMailCommand send, ScheduledSendLanes lanes, ILogger<SendScheduledMailJob> logger) : IJob
{
    public const string MailIdKey = "mailId";
    public const string Group = "scheduled-send";

    public static JobKey KeyFor(long mailId) => new($"mail-{mailId}", Group);

    public static TriggerKey TriggerFor(long mailId) => new($"mail-{mailId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Stored as text: job data survives any serializer the store is given.
        var mailId = long.Parse(context.MergedJobDataMap.GetString(MailIdKey)!, CultureInfo.InvariantCulture);
        try
        {
            await lanes.StartDueAsync(cancellationToken);
            var run = await send.RunAsync(mailId, cancellationToken);
            logger.LogDebug("Scheduled mail {MailId}: {Run}", mailId, run);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The mail stays scheduled (or in sending, which recovery resolves); the sweeper fires it again.
            logger.LogError(e, "Scheduled mail {MailId} could not be sent", mailId);
        }
    }
}
