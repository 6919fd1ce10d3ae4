namespace Digima.Core.Awaiting;

/// <summary>Reads of customer_reply_state (返信待ち).</summary>
public interface IAwaitingReplyQueries
{
    /// <summary>Waiting customers oldest first, after <paramref name="after"/> (null: from the start),
    /// of one rep's mailbox or, when <paramref name="repUserId"/> is null, everyone's; with
    /// <paramref name="receivedWithin"/>, only those whose mail came in that time (start included).</summary>
    Task<IReadOnlyList<AwaitingReplyRecord>> ListAsync(long? repUserId, AwaitingReplyCursor? after, int limit, CancellationToken cancellationToken,
        (DateTimeOffset Start, DateTimeOffset End)? receivedWithin = null);

    /// <summary>Those of <paramref name="customerIds"/> who are waiting.</summary>
    Task<IReadOnlyList<AwaitingReplyRecord>> FindAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken);
}
