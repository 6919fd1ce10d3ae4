namespace Digima.Core.Awaiting;

/// <summary>A customer waiting for our reply (返信待ち, B8), as stored: their newest mail and the
/// rep whose mailbox holds it.</summary>
public sealed record AwaitingReplyRecord
{
    public long CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string Company { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public long? ImportedMailId { get; init; }
    public string? MessageId { get; init; }
    public string Subject { get; init; } = "";
    public bool IsPrivate { get; init; }
    public long? RepUserId { get; init; }
    public string RepName { get; init; } = "";

    /// <summary>The mail's row on the customer's timeline, to open its thread.</summary>
    public long? TimelineItemId { get; init; }
}

/// <summary>A row of the 返信待ち page or a customer's chip: the record with its age in business
/// days in the viewer's zone, and the subject emptied when the viewer may not read the mail.</summary>
public sealed record AwaitingReply(AwaitingReplyRecord Record, int AgeBusinessDays, bool IsHidden);

/// <summary>Where the next page starts: after this mail time and customer (oldest first).</summary>
public sealed record AwaitingReplyCursor(DateTimeOffset ReceivedAt, long CustomerId);

public sealed record AwaitingReplyPage(IReadOnlyList<AwaitingReply> Rows, AwaitingReplyCursor? Next);
