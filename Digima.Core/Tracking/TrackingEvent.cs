namespace Digima.Core.Tracking;

/// <summary>One open (image fetch) or click of a tracked mail.</summary>
public sealed record TrackingEvent
{
    public long Id { get; init; }
    public long MailId { get; init; }

    /// <summary>Set when the mail had exactly one customer recipient; otherwise who opened is unknown.</summary>
    public long? CustomerId { get; init; }

    public TrackingKind Kind { get; init; }
    public string? LinkUrl { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string UserAgent { get; init; } = "";
    public string IpHash { get; init; } = "";

    /// <summary>「自動取得の可能性」: an image proxy, a prefetch or a scanner rather than a person.</summary>
    public bool ProbablyAutomated { get; init; }

    public AutomatedReason? AutomatedReason { get; init; }
}

public enum AutomatedReason
{
    ImageProxy,
    Prefetch,
    Scanner,
    Burst,
}

/// <summary>A sent mail as tracking needs it.</summary>
/// <param name="CustomerName">The name of its customer recipient when there is exactly one (who
/// opened is then known); empty otherwise.</param>
public sealed record TrackedMail(
    long Id, long UserId, string Subject, string BodyText, bool OpenTracking, bool ClickTracking, bool NotifyOnOpen,
    DateTimeOffset? SentAt, IReadOnlyList<long> CustomerIds, string CustomerName);

/// <summary>Opens or clicks of one mail: people (count, first and last time) and the probable machines.</summary>
public sealed record TrackingSummary(long MailId, TrackingKind Kind, int Count, DateTimeOffset? FirstAt, int AutomatedCount, DateTimeOffset? LastAt = null);
