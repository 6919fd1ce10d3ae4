using Digima.Core.Compose;

namespace Digima.Core.Sending;

/// <summary>Where an individual mail is in the outbox. queued -> sending -> sent | failed;
/// a failed mail can be queued again by the rep. A scheduled mail waits as scheduled until its
/// time (R11), may be cancelled, and is held when it cannot go out as written (R8).</summary>
public enum MailStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>A stored recipient: a customer, a colleague (<paramref name="UserId"/>) or a plain
/// address (both null); see <see cref="RecipientParty"/>.</summary>
public sealed record OutgoingRecipient(RecipientKind Kind, long? CustomerId, string Email, string DisplayName, long? UserId = null)
{
    public ComposeRecipient AsComposed() => new(CustomerId, Email, DisplayName, UserId);
}

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

    /// <summary>For a new mail only: the rep's loose files it takes, in order. The insert gives
    /// them to the mail in its own transaction; a stored mail's files are in the attachment store.</summary>
    public IReadOnlyList<long> AttachmentIds { get; init; } = [];

    /// <summary>Threading headers of a reply, without angle brackets; empty for a new mail.</summary>
    public string? InReplyTo { get; init; }
    public string ReferencesHeader { get; init; } = "";

    /// <summary>Outlook's Thread-Index, given when the mail enters the outbox (its parent's with a
    /// block added, or a new conversation): Outlook replies carry it on.</summary>
    public byte[]? ThreadIndex { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SmtpAcceptedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? Error { get; init; }
    public int Attempts { get; init; }

    /// <summary>The claim this copy of the row was read under (null unless in sending): the node
    /// holding it renews it, and another claim (recovery's) replaces it.</summary>
    public Guid? ClaimToken { get; init; }
    public bool SentCopySaved { get; init; }

    /// <summary>「予約送信」: the time the rep chose (UTC) and the zone they chose it in.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }
    public string? ScheduleTimeZone { get; init; }

    /// <summary>When the engine may try next: a retry after a transient failure, the slot the
    /// mailbox's rate limit gave, or the end of 「今すぐ送信」's undo grace; null means at
    /// <see cref="ScheduledAt"/> (or at once for queued mail).</summary>
    public DateTimeOffset? SendAfter { get; init; }

    /// <summary>Why a scheduled mail was held (保留) at its time; the rep fixes it and sends again.</summary>
    public string? HeldReason { get; init; }

    /// <summary>How late the send of a scheduled mail started (the app was down, or the
    /// mailbox's rate limit spaced it).</summary>
    public TimeSpan? LateBy { get; init; }

    /// <summary>Transient SMTP failures retried so far for a scheduled mail.</summary>
    public int RetryCount { get; init; }

    /// <summary>The W3C traceparent of the span the mail was written in (null when nothing traced
    /// it): the send, claimed later by any node, continues or links to that trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>Where the mail sits in time for a rep (個別メール's 日時, the timeline, its thread):
    /// sent at its send time, scheduled (held, cancelled) at its time, else when written. The
    /// database sorts by the same rule (COALESCE(sent_at, scheduled_at, created_at)).</summary>
    public DateTimeOffset ShownAt => SentAt ?? ScheduledAt ?? CreatedAt;

    public IEnumerable<OutgoingRecipient> RecipientsOf(RecipientKind kind) => Recipients.Where(r => r.Kind == kind);

    /// <summary>The first To recipient: whose fields fill the merge fields (R8).</summary>
    public long PrimaryCustomerId => RecipientsOf(RecipientKind.To).First(r => r.CustomerId is not null).CustomerId!.Value;

    /// <summary>The customers among the recipients, each once: whose timelines the mail is on.</summary>
    public IReadOnlyList<long> CustomerIds => Recipients.CustomerIds();
}

public static class OutgoingRecipients
{
    /// <summary>The customers among <paramref name="recipients"/>, each once, in order.</summary>
    public static IReadOnlyList<long> CustomerIds(this IEnumerable<OutgoingRecipient> recipients) =>
        recipients.Where(r => r.CustomerId is not null).Select(r => r.CustomerId!.Value).Distinct().ToList();
}
