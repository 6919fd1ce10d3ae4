namespace Digima.Core.Notifications;

public enum NotificationKind
{
    /// <summary>A customer opened a mail sent with 「開封時に通知」.</summary>
    Opened,

    /// <summary>A scheduled mail was held instead of sent.</summary>
    Held,

    /// <summary>Mail was imported from the rep's mailbox for a customer a colleague registered
    /// lately (Subject names the colleague, Party the customer): the rep may make it private.</summary>
    RecentCustomerMail,

    /// <summary>The provider ended the grant of the rep's mailbox (「再接続が必要」): told once, when it is marked.</summary>
    MailboxReconnectRequired,

    /// <summary>A mail (「今すぐ送信」 or scheduled) failed for good: the server refused it, or the
    /// last retry ran out.</summary>
    Failed,

    /// <summary>A customer replied: their newest mail, in the rep's mailbox, has no later answer
    /// (返信待ち). Party names the customer, Subject the mail's subject.</summary>
    CustomerReplied,

    /// <summary>The rep's 9:00 summary of customers waiting 2+ business days: ItemCount of them,
    /// Party the one waiting longest.</summary>
    AwaitingSummary,
}

/// <summary>An entry under the bell in the app bar.</summary>
public sealed record Notification
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public NotificationKind Kind { get; init; }
    public long? MailId { get; init; }
    public long? CustomerId { get; init; }
    public string Subject { get; init; } = "";

    /// <summary>The customer who opened, as shown; empty when the mail went to several customers.</summary>
    public string Party { get; init; } = "";

    /// <summary>The customer's reply (<see cref="NotificationKind.CustomerReplied"/>).</summary>
    public long? ImportedMailId { get; init; }

    /// <summary>How many customers a summary counts (<see cref="NotificationKind.AwaitingSummary"/>).</summary>
    public int? ItemCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}

/// <summary>The latest notifications and how many are unread.</summary>
public sealed record NotificationList(IReadOnlyList<Notification> Items, int UnreadCount);
