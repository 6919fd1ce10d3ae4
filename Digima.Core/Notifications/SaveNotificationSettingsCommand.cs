using Digima.Core.Common;

namespace Digima.Core.Notifications;

/// <summary>Saves the signed-in user's own notification settings.</summary>
public sealed class SaveNotificationSettingsCommand(INotificationRepository notifications)
{
    public Task SaveAsync(CurrentUser actor, NotificationSettings settings, CancellationToken cancellationToken) =>
        notifications.SaveSettingsAsync(actor.Id, settings, cancellationToken);
}
