using Digima.Core.LiveUpdates;
using Digima.Core.Notifications;

namespace Digima.Core.Tracking;

/// <summary>「開封時に通知」: an entry under the sending rep's bell, announced on the bus so the
/// rep's open screens (on any node) show it at once; and an email to the rep when they chose so.</summary>
public sealed class OpenNotifier(INotificationRepository notifications, INotificationMailer mailer, ILiveEvents live)
{
    public async Task NotifyAsync(TrackedMail mail, TrackingEvent opened, CancellationToken cancellationToken)
    {
        var notification = new Notification
        {
            UserId = mail.UserId,
            Kind = NotificationKind.Opened,
            MailId = mail.Id,
            CustomerId = opened.CustomerId,
            Subject = mail.Subject,
            // Who opened is known only when the mail went to one customer; empty reads 「宛先のいずれか」.
            Party = opened.CustomerId is null ? "" : mail.CustomerName,
            CreatedAt = opened.OccurredAt,
        };
        var id = await notifications.InsertAsync(notification, cancellationToken);
        await live.PublishAsync(new NotificationCreated(id, mail.UserId), cancellationToken);
        if ((await notifications.GetSettingsAsync(mail.UserId, cancellationToken)).EmailOnOpen)
        {
            mailer.Enqueue(notification with { Id = id });
        }
    }
}
