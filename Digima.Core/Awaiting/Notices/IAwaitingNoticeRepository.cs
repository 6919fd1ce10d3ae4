namespace Digima.Core.Awaiting.Notices;

/// <summary>The 返信待ち notices under the bell: a customer's reply, and the rep's daily summary.
/// Each insert is once only (a unique key in the store), whichever node or sync comes first.</summary>
public interface IAwaitingNoticeRepository
{
    /// <summary>Tells the rep of each customer's reply stored by this sync: the customer's newest
    /// received mail, in the rep's mailbox, still unanswered (返信待ち), imported at or after
    /// <paramref name="importedSince"/> and received by the server (else dated) at or after
    /// <paramref name="receivedSince"/>. Nothing when the rep turned the notice off; nothing twice
    /// for the same mail.</summary>
    /// <returns>The notifications created now.</returns>
    Task<IReadOnlyList<long>> NoticeRepliesAsync(
        long userId, DateTimeOffset importedSince, DateTimeOffset receivedSince, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Active users who keep the summary on and have someone waiting in their mailbox,
    /// with their zone and the local date of their latest summary.</summary>
    Task<IReadOnlyList<SummaryCandidate>> ListSummaryCandidatesAsync(CancellationToken cancellationToken);

    /// <summary>The rep's summary for <paramref name="localDate"/>: the customers waiting since
    /// before <paramref name="receivedBefore"/>, counted, and the one waiting longest. Null when
    /// nobody waits that long, or the rep already has that day's summary.</summary>
    /// <returns>The notification created, or null.</returns>
    Task<long?> InsertSummaryAsync(long userId, DateOnly localDate, DateTimeOffset receivedBefore, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <param name="LastSummaryOn">The local date of the rep's latest summary; null before the first.</param>
public sealed record SummaryCandidate(long UserId, string TimeZoneId, DateOnly? LastSummaryOn);
