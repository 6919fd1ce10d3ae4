using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport.Backfill;

/// <summary>「過去のメールを取り込む」 on a mailbox's sync card: a manager asks for the mail of a
/// longer period than the import window (up to two years) with every customer. Queued, run in the
/// background like a customer's backfill.</summary>
public sealed class RequestMailboxBackfillCommand(
    IMailBackfillRepository backfills, IMailboxConnections mailboxes, ILiveEvents live, TimeProvider time)
{
    public const int MaxDays = 730;

    /// <exception cref="ForbiddenException">The actor is not a manager.</exception>
    /// <exception cref="NotFoundException">The user has no mailbox.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not 1 to <see cref="MaxDays"/>.</exception>
    public async Task<long> RequestAsync(CurrentUser actor, long mailboxUserId, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsManager)
        {
            throw new ForbiddenException($"User {actor.Id} may not backfill mailboxes.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        if (await mailboxes.GetAsync(mailboxUserId, cancellationToken) is null)
        {
            throw new NotFoundException($"User {mailboxUserId} has no mailbox.");
        }

        var id = await backfills.RequestMailboxAsync(mailboxUserId, time.GetUtcNow().AddDays(-days), actor.Id, cancellationToken);
        await live.PublishAsync(new MailBackfillChanged(mailboxUserId, null), cancellationToken);
        return id;
    }
}
