using Digima.Core.Common;

namespace Digima.Core.Sending;

/// <summary>The outbox: individual mail and its recipients.</summary>
public interface IOutgoingMailRepository
{
    /// <summary>Writes a new mail, queued or scheduled (<see cref="OutgoingMail.Status"/>), with its
    /// recipients and its thread, in one transaction: the one insert of both. Its
    /// <see cref="OutgoingMail.AttachmentIds"/> are given to it in the same transaction.</summary>
    /// <exception cref="Attachments.AttachmentsUnavailableException">Some file was not the author's
    /// loose file any more; nothing was written.</exception>
    Task<long> InsertAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Claims the oldest queued mail for sending (queued -> sending in one UPDATE ...
    /// RETURNING with SKIP LOCKED), so two workers or two nodes never send the same mail. A mail
    /// waiting to be retried is left until its time.</summary>
    Task<OutgoingMail?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims mail left in sending by a crashed worker: claimed before <paramref name="claimedBefore"/>.</summary>
    Task<IReadOnlyList<OutgoingMail>> ClaimStuckSendingAsync(DateTimeOffset claimedBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Renews the claims still held (in sending under the same <see cref="OutgoingMail.ClaimToken"/>)
    /// to <paramref name="now"/>, so recovery does not take them for a dead node's.</summary>
    /// <returns>The ids whose claim is still held: a mail missing was taken over or finished.</returns>
    Task<IReadOnlySet<long>> RenewClaimsAsync(IReadOnlyCollection<OutgoingMail> claimed, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Notes that the SMTP server accepted the mail, before anything else can fail.</summary>
    Task MarkSmtpAcceptedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks mail of one mailbox sent (one, or a batch delivered together) and, in the same
    /// transaction, sets 初回連絡日時 (when empty) and 直近連絡日時 (when later) on every customer
    /// recipient (R25).</summary>
    Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, bool copySaved, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>sending -> queued after a transient failure the server did not take the mail in:
    /// not claimed again before <paramref name="sendAfter"/>; the error and the count of retries kept
    /// to show the rep.</summary>
    Task RetryLaterAsync(long id, DateTimeOffset sendAfter, string error, CancellationToken cancellationToken);

    /// <summary>Puts the user's failed mail back in the queue; false when it is not theirs or not failed.</summary>
    Task<bool> RequeueFailedAsync(long id, long userId, CancellationToken cancellationToken);

    /// <summary>Puts a mail stuck in sending back in the queue (it was not found in the Sent folder).</summary>
    Task RequeueStuckAsync(long id, CancellationToken cancellationToken);

    Task<OutgoingMail?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>A user's individual mail, newest first by <see cref="OutgoingMail.ShownAt"/>.</summary>
    Task<PagedResult<OutgoingMail>> ListForUserAsync(long userId, int offset, int limit, CancellationToken cancellationToken) =>
        ListForUserAsync(userId, IndividualMailFilter.None, offset, limit, cancellationToken);

    /// <summary>A user's individual mail shown (<see cref="OutgoingMail.ShownAt"/>) within the
    /// filter's times and of its status, newest first.</summary>
    Task<PagedResult<OutgoingMail>> ListForUserAsync(long userId, IndividualMailFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Mail sent to a customer (any kind of recipient), newest first by <see cref="OutgoingMail.ShownAt"/>.</summary>
    Task<IReadOnlyList<OutgoingMail>> ListForCustomerAsync(long customerId, int limit, CancellationToken cancellationToken);
}
