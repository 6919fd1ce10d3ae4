using Digima.Core.Common;

namespace Digima.Core.Notifications;

/// <summary>Marks one of the user's notifications read, or all of them (null id). Another
/// user's notification is left alone: the statement is limited to the actor's own.</summary>
public sealed class MarkNotificationReadCommand(INotificationRepository notifications, TimeProvider time)
{
    public Task MarkReadAsync(CurrentUser actor, long? id, CancellationToken cancellationToken) =>
        notifications.MarkReadAsync(actor.Id, id, time.GetUtcNow(), cancellationToken);
}
