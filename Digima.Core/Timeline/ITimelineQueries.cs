namespace Digima.Core.Timeline;

/// <summary>Reads customers' timelines and threads.</summary>
public interface ITimelineQueries
{
    /// <summary>The customer's rows, newest first (occurred_at DESC, id DESC), after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<TimelineItem>> ListAsync(long customerId, TimelinePageKey? after, int limit, CancellationToken cancellationToken);

    /// <summary>Rows added to the customer's timeline after row <paramref name="afterId"/> was,
    /// whatever their date (an imported mail may be older than the top row), oldest first.</summary>
    Task<IReadOnlyList<TimelineItem>> ListAddedAfterAsync(long customerId, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>One row of the customer's timeline with the mail's full text; null when the row
    /// is not on this customer's timeline or is not a mail.</summary>
    Task<TimelineMail?> GetMailAsync(long customerId, long itemId, CancellationToken cancellationToken);

    /// <summary>The mails of a thread, newest first, each once (a mail written here and its
    /// imported copy, or one mail in two mailboxes, are one), with full text.</summary>
    Task<IReadOnlyList<TimelineMail>> ListThreadAsync(string threadId, int limit, CancellationToken cancellationToken);

    /// <summary>The thread the mail with this Message-ID belongs to, as <see cref="ListThreadAsync"/>
    /// reads it; empty when the mail is not threaded.</summary>
    Task<IReadOnlyList<TimelineMail>> ListThreadOfAsync(string messageId, int limit, CancellationToken cancellationToken);
}
