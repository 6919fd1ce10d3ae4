using Digima.Core.Common;

namespace Digima.Core.Notifications;

/// <summary>The bell: the signed-in user's own notifications only.</summary>
public sealed class ListNotificationsQuery(INotificationRepository notifications)
{
    public Task<NotificationList> ListAsync(CurrentUser actor, CancellationToken cancellationToken) =>
        notifications.ListAsync(actor.Id, 20, cancellationToken);
}
