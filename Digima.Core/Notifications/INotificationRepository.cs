namespace Digima.Core.Notifications;

public interface INotificationRepository
{
    Task<long> InsertAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>The user's newest notifications and their unread count.</summary>
    Task<NotificationList> ListAsync(long userId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks the user's notifications read: one, or all when <paramref name="id"/> is null.</summary>
    Task MarkReadAsync(long userId, long? id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The user's settings; the defaults when never saved.</summary>
    Task<NotificationSettings> GetSettingsAsync(long userId, CancellationToken cancellationToken);

    Task SaveSettingsAsync(long userId, NotificationSettings settings, CancellationToken cancellationToken);
}
