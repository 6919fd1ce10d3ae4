using Digima.Core.Attachments;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.Tracking;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Sending;

/// <summary>Sends through the rep's own SMTP server and keeps one copy in their Sent folder (R2),
/// over connections kept open per mailbox between sends (<see cref="MailSessionPool{TClient}"/>).</summary>
internal sealed partial class MailKitTransport(
    MailSessionPool<SmtpClient> smtp,
    [FromKeyedServices(MailSessionPools.SentCopies)] MailSessionPool<ImapClient> imap,
    TransportErrors errors,
    TrackedHtml tracking,
    IAttachmentStore attachments,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<MailKitTransport> logger)
    : IOutgoingMailTransport
{
    public async Task<TransportResult> SendAsync(MailboxConnection mailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await using var files = await AttachmentSpool.OpenAsync(attachments, mail.Id, cancellationToken);
            var message = MailMessageFactory.Create(mailbox, mail, time.GetUtcNow(), await tracking.ForAsync(mail, cancellationToken), files.Files);
            while (true)
            {
                using var lease = await smtp.LeaseAsync(mailbox.Smtp, cancellationToken);
                try
                {
                    // Dated as it is handed over, however long ago it was written or scheduled for
                    // (a mail dated the evening before its 9:00 send sorts wrongly and trips spam rules).
                    var date = WholeSeconds(time.GetUtcNow());
                    message.Date = date;
                    await lease.Client.SendAsync(message, cancellationToken);
                    lease.Keep();
                    return TransportResult.Ok with { Date = date };
                }
                catch (SmtpCommandException e) when (lease.Reused && e is { ErrorCode: SmtpErrorCode.SenderNotAccepted, StatusCode: SmtpStatusCode.ServiceNotAvailable })
                {
                    // 421 to MAIL FROM: the server ended a kept session (timeout, too many mails on
                    // one connection) before taking anything, so a fresh connection cannot duplicate.
                    logger.LogDebug("A kept SMTP session to {Host} was refused with 421; reconnecting", mailbox.Smtp.Host);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return errors.Describe(e, mailbox.Smtp);
        }
    }

    /// <summary>The Date header has whole seconds: the time recorded as the acceptance is the same.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>The copy in Sent carries the Date the customer got (recorded with the acceptance).</summary>
    private DateTimeOffset SentDate(OutgoingMail mail) => mail.SmtpAcceptedAt ?? WholeSeconds(time.GetUtcNow());
}
