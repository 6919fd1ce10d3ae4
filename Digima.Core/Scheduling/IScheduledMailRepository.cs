using Digima.Core.Common;
using Digima.Core.Sending;

namespace Digima.Core.Scheduling;

/// <summary>Scheduled mail in the outbox table. Every change of status is one UPDATE whose WHERE
/// names the status it starts from, so an edit, a cancel and the send can race safely.</summary>
public interface IScheduledMailRepository
{
    /// <summary>New content and time for a scheduled or held mail (back to scheduled).</summary>
    /// <returns>The status the mail had: scheduled or held when changed, anything else when refused; null when not the user's.</returns>
    Task<MailStatus?> UpdateAsync(ScheduledMailChange change, CancellationToken cancellationToken);

    /// <returns>The status the mail had: scheduled or held when cancelled; null when not the user's.</returns>
    Task<MailStatus?> CancelAsync(long id, long userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>scheduled -> sending in one UPDATE ... RETURNING with the content filled at send
    /// time; null when another node, an edit or a cancel came first, or it is not due yet. The
    /// recipients are those read with <paramref name="loaded"/> (no edit changes them).</summary>
    /// <param name="loaded">The mail as read before the re-check: an edit since then (other content)
    /// makes the claim fail, so the content checked is the content sent.</param>
    Task<OutgoingMail?> ClaimDueAsync(OutgoingMail loaded, DateTimeOffset now, string subject, string body, CancellationToken cancellationToken);

    /// <summary>Claims of a lane's batch in one statement, each as <see cref="ClaimDueAsync(OutgoingMail, DateTimeOffset, string, string, CancellationToken)"/>
    /// would; returns those claimed, in the given order, with their recipients.</summary>
    Task<IReadOnlyList<OutgoingMail>> ClaimDueAsync(IReadOnlyList<ScheduledClaim> claims, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claimed mail never handed to the server (the batch stopped): back to scheduled, due
    /// again at <paramref name="sendAfter"/>, or at its own time when null.</summary>
    Task ReleaseAsync(IReadOnlyCollection<long> ids, DateTimeOffset? sendAfter, CancellationToken cancellationToken);

    /// <summary>scheduled -> held (保留) with the reason shown and its cause.</summary>
    Task<bool> HoldAsync(long id, string reason, HeldCause cause, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>held -> scheduled for the user's mail held for <paramref name="cause"/>, in one UPDATE
    /// that takes only rows still held: of two nodes releasing at once, each mail goes to one.
    /// A mail keeps its time (due at once when it has passed).</summary>
    /// <returns>The mail released, with its recipients.</returns>
    Task<IReadOnlyList<OutgoingMail>> ReleaseHeldAsync(long userId, HeldCause cause, CancellationToken cancellationToken);

    /// <summary>sending -> scheduled after a transient failure, to try again at <paramref name="sendAfter"/>.</summary>
    Task RetryLaterAsync(long id, DateTimeOffset sendAfter, string error, CancellationToken cancellationToken);

    /// <summary>Moves a scheduled mail to the slot its mailbox's rate limit gave.</summary>
    Task<bool> DeferAsync(long id, DateTimeOffset sendAfter, CancellationToken cancellationToken);

    /// <summary>Scheduled mail due before <paramref name="before"/> (the sweeper checks each has a trigger).</summary>
    Task<IReadOnlyList<(long Id, DateTimeOffset DueAt)>> ListDueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>The user's scheduled mail due by <paramref name="dueBy"/> with its recipients,
    /// soonest first (a mailbox's send lane works through them).</summary>
    Task<IReadOnlyList<OutgoingMail>> ListDueForUserAsync(long userId, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken);

    /// <summary>The users (mailboxes) with scheduled mail due by <paramref name="dueBy"/>, the
    /// longest waiting first.</summary>
    Task<IReadOnlyList<long>> ListDueMailboxesAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken);

    /// <summary>The user's scheduled and held mail, soonest first (filter 「予約」).</summary>
    Task<PagedResult<OutgoingMail>> ListForUserAsync(long userId, int offset, int limit, CancellationToken cancellationToken);
}

/// <summary>An edit of a scheduled mail: content as typed and as filled, and the new time.</summary>
public sealed record ScheduledMailChange(
    long Id, long UserId, string SubjectTemplate, string BodyTemplate, string Subject, string Body, DateTimeOffset ScheduledAt, string TimeZoneId);

/// <summary>A mail to claim, as read, with its subject and body filled at send time.</summary>
public sealed record ScheduledClaim(OutgoingMail Mail, string Subject, string Body);
