using Digima.Core.LiveUpdates;
using Digima.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Mailboxes;

/// <summary>Tells the rep that the mailbox became 「再接続が必要」: an entry under the bell and the
/// banner on every open mail page, on any node. Called once, by whoever marked the mailbox at the
/// moment it did (the mark is taken under the mailbox's row lock, so a second failed use finds it
/// marked and tells nothing).</summary>
public sealed class NotifyReconnectRequiredCommand(
    INotificationRepository notifications, ILiveEvents live, TimeProvider time, ILogger<NotifyReconnectRequiredCommand> logger)
{
    /// <summary>Never throws but for cancellation: the mark is already stored and is what stops the
    /// sending; the rep also sees it on 「メールボックス連携」 and in each held mail's reason.</summary>
    public async Task NotifyAsync(long userId, CancellationToken cancellationToken)
    {
        try
        {
            var notification = new Notification { UserId = userId, Kind = NotificationKind.MailboxReconnectRequired, CreatedAt = time.GetUtcNow() };
            var id = await notifications.InsertAsync(notification, cancellationToken);
            await live.PublishAsync([new NotificationCreated(id, userId), new MailboxReconnectChanged(userId, Required: true)], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not tell user {UserId} that the mailbox must be connected again", userId);
        }
    }
}
