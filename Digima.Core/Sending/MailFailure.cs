using Digima.Core.LiveUpdates;
using Digima.Core.Notifications;
using Digima.Core.Telemetry;
using Digima.Core.Timeline;

namespace Digima.Core.Sending;

/// <summary>The one way a mail fails, whether queued (「今すぐ送信」) or scheduled: marked failed, the
/// failure on each recipient's timeline (R13), the rep told under the bell (the tab they sent from
/// may be closed by then), open screens told.</summary>
public sealed class MailFailure(
    IOutgoingMailRepository outbox, ICustomerEventRecorder events, INotificationRepository notifications, ILiveEvents live, TimeProvider time)
{
    public async Task FailAsync(OutgoingMail mail, string error, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await outbox.MarkFailedAsync(mail.Id, error, at, cancellationToken);
        DigimaTelemetry.MailFailed();
        var failed = mail.CustomerIds
            .Select(id => new CustomerEvent(id, CustomerEventKind.Failed, at, mail.UserId, mail.Id, error))
            .ToList();
        await events.RecordAsync(failed, cancellationToken);
        var customers = failed.Select(e => e.CustomerId).ToList();
        var notificationId = await notifications.InsertAsync(new Notification
        {
            UserId = mail.UserId,
            Kind = NotificationKind.Failed,
            MailId = mail.Id,
            CustomerId = customers.Count == 1 ? customers[0] : null,
            Subject = mail.Subject,
            CreatedAt = at,
        }, cancellationToken);
        await live.PublishAsync(new NotificationCreated(notificationId, mail.UserId), cancellationToken);
        await live.PublishStatusAsync(mail, MailStatus.Failed, cancellationToken);
    }
}
