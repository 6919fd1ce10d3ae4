using Digima.Core.Mailboxes;
using Digima.Core.Notifications;
using Digima.Core.Resources;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.Sending;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Digima.Infrastructure.Notifications;

/// <summary>Sends an open notice from the rep's mailbox to the rep's own address, off the request
/// that caused it. Nothing is retried: the bell keeps the notification either way.</summary>
internal sealed class SmtpNotificationMailer(
    IMailboxConnections mailboxes,
    MailKitConnect connect,
    IStringLocalizer<CoreMessages> text,
    ILogger<SmtpNotificationMailer> logger) : INotificationMailer
{
    public void Enqueue(Notification notification) => _ = Task.Run(() => SendAsync(notification));

    internal async Task SendAsync(Notification notification)
    {
        try
        {
            using var timeout = new CancellationTokenSource(MailKitConnect.Timeout * 2);
            if (await mailboxes.GetAsync(notification.UserId, timeout.Token) is not { } mailbox)
            {
                return;
            }

            using var client = await connect.SmtpAsync(mailbox.Smtp, timeout.Token);
            await client.SendAsync(Message(mailbox, notification), timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The email for notification {NotificationId} was not sent", notification.Id);
        }
    }

    private MimeMessage Message(MailboxConnection mailbox, Notification notification)
    {
        var domain = mailbox.SenderAddress[(mailbox.SenderAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var message = new MimeMessage
        {
            // Known in advance, so a test (or a mail rule) can find it.
            MessageId = $"digima.notification.{notification.Id}@{domain}",
            Subject = text["OpenedMailSubject", notification.Subject],
            Body = new TextPart("plain")
            {
                Text = notification.Party.Length == 0
                    ? text["OpenedBySomeoneMailBody", notification.Subject, notification.CreatedAt.UtcDateTime.ToString("u")]
                    : text["OpenedMailBody", notification.Party, notification.Subject, notification.CreatedAt.UtcDateTime.ToString("u")],
            },
        };
        message.From.Add(new MailboxAddress("Digima Mail", mailbox.SenderAddress));
        message.To.Add(new MailboxAddress(mailbox.SenderName, mailbox.SenderAddress));
        message.Headers.Add(HeaderId.XMailer, "Digima Mail");
        return message;
    }
}
