namespace Digima.Core.Timeline;

/// <summary>One event on a customer's timeline.</summary>
/// <param name="CustomerId">The customer it happened to.</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When it happened (any offset; stored UTC).</param>
/// <param name="UserId">The rep it concerns (the mail's sender, the editor), if any.</param>
/// <param name="OutgoingMailId">The mail written in this app it concerns, if any.</param>
/// <param name="Detail">Kind-specific text: the failure reason, the clicked address, the changed
/// field names. Plain text, shown escaped; at most 2,000 characters are kept.</param>
public sealed record CustomerEvent(
    long CustomerId,
    CustomerEventKind Kind,
    DateTimeOffset OccurredAt,
    long? UserId = null,
    long? OutgoingMailId = null,
    string Detail = "");
