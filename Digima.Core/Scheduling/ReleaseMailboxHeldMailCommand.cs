using Digima.Core.LiveUpdates;
using Digima.Core.Sending;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Scheduling;

/// <summary>The rep's mailbox is usable again (connected with the provider again, or saved again):
/// the mail held because the mailbox could not be used goes back to scheduled and is sent once, at
/// its own time or at once when that has passed. Mail held for its content (an empty merge field)
/// stays held until the rep edits it. The banner 「再接続が必要」 goes on every open screen.</summary>
public sealed class ReleaseMailboxHeldMailCommand(
    IScheduledMailRepository scheduled,
    IScheduledSendTrigger trigger,
    ILiveEvents live,
    TimeProvider time,
    ILogger<ReleaseMailboxHeldMailCommand> logger)
{
    /// <returns>How many mails were released.</returns>
    public async Task<int> ReleaseAsync(long userId, CancellationToken cancellationToken)
    {
        // The release is one conditional UPDATE: a second node (or a second save) releasing at the
        // same moment finds nothing left held, so no mail gets two triggers' worth of sending; a
        // claim takes a scheduled row once whatever triggers fire.
        var released = await scheduled.ReleaseHeldAsync(userId, HeldCause.Mailbox, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var mail in released)
        {
            // Stored first: should setting a trigger fail, the sweeper finds the due mail without one.
            var at = mail.ScheduledAt is { } scheduledAt && scheduledAt > now ? scheduledAt : now;
            await trigger.ScheduleAsync(mail.Id, at, cancellationToken);
        }

        if (released.Count > 0)
        {
            logger.LogInformation("Released {Count} scheduled mails of user {UserId} held while the mailbox could not be used", released.Count, userId);
            await live.PublishStatusAsync(released, MailStatus.Scheduled, cancellationToken);
        }

        await live.PublishAsync(new MailboxReconnectChanged(userId, Required: false), cancellationToken);
        return released.Count;
    }
}
