using System.Text.Json.Serialization;
using Digima.Core.Sending;
using Digima.Core.Tracking;

namespace Digima.Core.LiveUpdates;

/// <summary>Something changed that open screens may show. Small on purpose: it travels between
/// nodes as a PostgreSQL notification (at most 8000 bytes), so it carries ids, never content.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "t")]
[JsonDerivedType(typeof(MailImported), "imported")]
[JsonDerivedType(typeof(MailboxSynced), "synced")]
[JsonDerivedType(typeof(OutgoingMailStatusChanged), "status")]
[JsonDerivedType(typeof(TrackingRecorded), "tracking")]
[JsonDerivedType(typeof(ScheduledMailHeld), "held")]
[JsonDerivedType(typeof(NotificationCreated), "notification")]
[JsonDerivedType(typeof(LiveEventsResumed), "resumed")]
[JsonDerivedType(typeof(ScheduledMailDue), "due")]
[JsonDerivedType(typeof(MailboxReconnectChanged), "reconnect")]
[JsonDerivedType(typeof(CustomerChanged), "customer")]
[JsonDerivedType(typeof(MailBackfillChanged), "backfill")]
public abstract record LiveEvent;

/// <summary>New mail was imported into a rep's mailbox; <see cref="CustomerIds"/> are the
/// customers it was exchanged with.</summary>
public sealed record MailImported(long UserId, IReadOnlyList<long> CustomerIds) : LiveEvent;

/// <summary>A sync of a rep's mailbox ended (imported or not, succeeded or failed): its status
/// (「最終同期」, the last error) changed.</summary>
public sealed record MailboxSynced(long UserId) : LiveEvent;

/// <summary>An individual mail moved in the outbox (queued, sending, sent, failed).</summary>
public sealed record OutgoingMailStatusChanged(long MailId, long UserId, MailStatus Status, IReadOnlyList<long> CustomerIds) : LiveEvent;

/// <summary>A customer opened a tracked mail or clicked one of its links.</summary>
public sealed record TrackingRecorded(long MailId, long UserId, long? CustomerId, TrackingKind Kind, bool ProbablyAutomated) : LiveEvent;

/// <summary>A scheduled mail was held at send time instead of going out (R8: a merge field became
/// empty); <see cref="Reason"/> is what the rep is told.</summary>
public sealed record ScheduledMailHeld(long MailId, long UserId, string Reason) : LiveEvent;

/// <summary>Scheduled mail fell due (a wake trigger fired on one node): every node starts its send
/// lanes, so the whole cluster sends a burst, not only the node the trigger chose.</summary>
public sealed record ScheduledMailDue : LiveEvent;

/// <summary>A rep has a new entry under the bell.</summary>
public sealed record NotificationCreated(long NotificationId, long UserId) : LiveEvent;

/// <summary>A rep's mailbox became 「再接続が必要」 (<see cref="Required"/>) or was connected again:
/// the banner on every mail page appears or goes.</summary>
public sealed record MailboxReconnectChanged(long UserId, bool Required) : LiveEvent;

/// <summary>A customer's fields were saved (the form, 「この場で入力」 in compose): screens showing
/// them, or a preview filled from them, read them again.</summary>
public sealed record CustomerChanged(long CustomerId) : LiveEvent;

/// <summary>A backfill of past mail was asked, or one mailbox's part of it ended: the profile of
/// <see cref="CustomerId"/> (null for a whole-mailbox backfill) and the mailbox's sync card show
/// how far it has come; the backfill workers of every node look for work.</summary>
public sealed record MailBackfillChanged(long UserId, long? CustomerId) : LiveEvent;

/// <summary>This node's bus connection came back after a drop: events of the gap are lost, so
/// screens reload what they show. Only ever delivered locally.</summary>
public sealed record LiveEventsResumed : LiveEvent;
