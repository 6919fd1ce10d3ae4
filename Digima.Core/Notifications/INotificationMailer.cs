namespace Digima.Core.Notifications;

/// <summary>Emails a notification to its rep through the rep's own SMTP server.</summary>
public interface INotificationMailer
{
    /// <summary>Starts sending and returns at once: the customer's image fetch that caused the
    /// notification must not wait for a mail server. Failures are logged, never thrown.</summary>
    void Enqueue(Notification notification);
}
