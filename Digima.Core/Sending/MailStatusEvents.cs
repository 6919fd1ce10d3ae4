using Digima.Core.LiveUpdates;

namespace Digima.Core.Sending;

/// <summary>Tells open screens (個別メール, the customers' profiles) on every node that mail changed
/// status; a batch goes in one round trip.</summary>
internal static class MailStatusEvents
{
    public static Task PublishStatusAsync(this ILiveEvents live, OutgoingMail mail, MailStatus status, CancellationToken cancellationToken) =>
        live.PublishAsync(StatusChanged(mail, status), cancellationToken);

    public static Task PublishStatusAsync(this ILiveEvents live, IReadOnlyList<OutgoingMail> mails, MailStatus status, CancellationToken cancellationToken) =>
        mails.Count switch
        {
            0 => Task.CompletedTask,
            1 => live.PublishStatusAsync(mails[0], status, cancellationToken),
            _ => live.PublishAsync(mails.Select(m => (LiveEvent)StatusChanged(m, status)).ToList(), cancellationToken),
        };

    private static OutgoingMailStatusChanged StatusChanged(OutgoingMail mail, MailStatus status) =>
        new(mail.Id, mail.UserId, status, mail.CustomerIds.ToList());
}
