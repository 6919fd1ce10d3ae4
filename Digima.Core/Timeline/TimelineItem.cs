using Digima.Core.Sending;

namespace Digima.Core.Timeline;

/// <summary>Seen from the customer: a mail to them (Out), from them (In), or an event (None).</summary>
public enum TimelineDirection
{
    None,
    In,
    Out,
}

/// <summary>One row of a customer's timeline: a mail (written in this app or imported; shown
/// once however many customers or mailboxes it concerns) or an event.</summary>
public sealed record TimelineItem
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public TimelineDirection Direction { get; init; }
    public string? MessageId { get; init; }
    public long? OutgoingMailId { get; init; }
    public long? ImportedMailId { get; init; }
    public long? EventId { get; init; }
    public long? RepUserId { get; init; }
    public string RepName { get; init; } = "";
    public string Subject { get; init; } = "";

    /// <summary>The first lines of the body (a few hundred characters at most).</summary>
    public string Preview { get; init; } = "";

    /// <summary>The outbox status of a mail written in this app; null otherwise.</summary>
    public MailStatus? Status { get; init; }

    /// <summary>Transient failures retried so far: a waiting mail with some is waiting to be retried.</summary>
    public int RetryCount { get; init; }

    public CustomerEventKind? EventKind { get; init; }
    public string EventDetail { get; init; } = "";

    /// <summary>The thread the mail belongs to; null for events.</summary>
    public string? ThreadId { get; init; }

    /// <summary>An imported mail its rep marked 「非公開」.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>A private mail shown to someone who may not read it: only that it exists
    /// (date, direction, rep), never its subject or text (<see cref="PrivateMailVisibility"/>).</summary>
    public bool IsHidden { get; init; }

    public bool IsMail => EventKind is null;

    /// <summary>Whether <paramref name="actor"/> may reply to or duplicate this mail: it goes out
    /// from the actor's own mailbox, so a rep does that with their own mail, a manager with
    /// anyone's. The compose use cases check the same again.</summary>
    public bool CanBeContinuedBy(Common.CurrentUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return IsMail && !IsHidden && (actor.IsManager || RepUserId == actor.Id);
    }
}

/// <summary>Where a timeline page ended: its last row's time and id (keyset paging).</summary>
public sealed record TimelinePageKey(DateTimeOffset OccurredAt, long Id)
{
    public static TimelinePageKey After(TimelineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new TimelinePageKey(item.OccurredAt, item.Id);
    }
}

/// <summary>A page of the timeline, newest first; <paramref name="HasMore"/> when older rows exist.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, bool HasMore);
