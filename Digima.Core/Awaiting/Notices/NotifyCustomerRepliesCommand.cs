using Digima.Core.LiveUpdates;

namespace Digima.Core.Awaiting.Notices;

/// <summary>After a sync stored mail: each customer whose reply it brought (their newest mail,
/// unanswered, 返信待ち) is told to the rep whose mailbox holds it, under the bell, once per mail.</summary>
public sealed class NotifyCustomerRepliesCommand(IAwaitingNoticeRepository notices, ILiveEvents live, TimeProvider time)
{
    /// <summary>Only mail the server received within this window is news (its arrival, not the
    /// date its sender wrote: a reply dated days behind that arrived now is news). With "stored by
    /// this sync" and "not the mailbox's first import", it keeps a backfill quiet: a folder re-read
    /// after UIDVALIDITY changed, or old mail moved into the Inbox, is stored now but arrived long ago.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);

    /// <param name="syncStartedAt">When the sync began: mail imported since then is this sync's.</param>
    /// <param name="firstImport">The mailbox's first import (no Inbox cursor before it): the rep is
    /// connecting, and the 返信待ち page shows what waits; a notice per customer would be a flood.</param>
    /// <param name="anyStored">Whether the sync stored any mail (else there is nothing to look at).</param>
    public async Task NotifyAsync(long userId, DateTimeOffset syncStartedAt, bool firstImport, bool anyStored, CancellationToken cancellationToken)
    {
        if (firstImport || !anyStored)
        {
            return;
        }

        var now = time.GetUtcNow();
        var created = await notices.NoticeRepliesAsync(userId, syncStartedAt, now - RecentWindow, now, cancellationToken);
        if (created.Count > 0)
        {
            await live.PublishAsync(created.Select(id => (LiveEvent)new NotificationCreated(id, userId)).ToList(), cancellationToken);
        }
    }
}
