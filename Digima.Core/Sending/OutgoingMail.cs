using Digima.Core.Compose;

namespace Digima.Core.Sending;

/// <summary>Where an individual mail is in the outbox. queued -> sending -> sent | failed;
/// a failed mail can be queued again by the rep.</summary>
public enum MailStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
}

public sealed record OutgoingRecipient(RecipientKind Kind, long CustomerId, string Email, string DisplayName);

/// <summary>An individual mail written in this app. Subject and body are stored rendered (what
/// the customer receives) and as typed (with merge tokens, for duplicating and templates).</summary>
public sealed record OutgoingMail
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public MailStatus Status { get; init; }

    /// <summary>Without angle brackets. Fixed before sending, so a crash can be resolved by
    /// looking for it in the Sent folder.</summary>
    public required string MessageId { get; init; }

    public required string Subject { get; init; }
    public required string BodyText { get; init; }
    public string SubjectTemplate { get; init; } = "";
    public string BodyTemplate { get; init; } = "";
    public bool OpenTracking { get; init; }
    public bool ClickTracking { get; init; }
    public bool NotifyOnOpen { get; init; }
    public IReadOnlyList<OutgoingRecipient> Recipients { get; init; } = [];

    /// <summary>Threading headers of a reply, without angle brackets; empty for a new mail.</summary>
    public string? InReplyTo { get; init; }
    public string ReferencesHeader { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SmtpAcceptedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? Error { get; init; }
    public int Attempts { get; init; }
    public bool SentCopySaved { get; init; }

    public IEnumerable<OutgoingRecipient> RecipientsOf(RecipientKind kind) => Recipients.Where(r => r.Kind == kind);
}
