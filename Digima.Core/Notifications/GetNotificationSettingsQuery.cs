using Digima.Core.Common;

namespace Digima.Core.Notifications;

/// <summary>The signed-in user's own notification settings.</summary>
public sealed class GetNotificationSettingsQuery(INotificationRepository notifications)
{
    public Task<NotificationSettings> GetAsync(CurrentUser actor, CancellationToken cancellationToken) =>
        notifications.GetSettingsAsync(actor.Id, cancellationToken);
}
