namespace Digima.Core.Tracking;

public interface ITrackingRepository
{
    /// <summary>The mail, its customer recipients and when the SMTP server took it; null if unknown.</summary>
    Task<TrackedMail?> GetMailAsync(long mailId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="candidate"/> unless the same client (address hash and user
    /// agent) fetched the same image or link of the mail at or after <paramref name="repeatSince"/>;
    /// then returns null and stores nothing. Concurrent fetches of one mail are decided one after
    /// the other, so a burst of repeats stores one row.</summary>
    /// <param name="candidate">The event; its automated flag and reason come from <paramref name="judge"/>.</param>
    /// <param name="repeatSince">Start of the window in which a repeat counts once.</param>
    /// <param name="burstSince">Start of the burst window the history counts events in.</param>
    /// <param name="judge">Decides from the mail's earlier fetches whether this one is probably a machine.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<StoredTracking?> InsertUnlessRepeatAsync(
        TrackingEvent candidate, DateTimeOffset repeatSince, DateTimeOffset burstSince, Func<FetchHistory, AutomatedReason?> judge, CancellationToken cancellationToken);

    /// <summary>Opens and clicks of these mails of the user.</summary>
    Task<IReadOnlyList<TrackingSummary>> SummariesAsync(long userId, IReadOnlyList<long> mailIds, CancellationToken cancellationToken);

    /// <summary>Per mail and kind, the events attributed to <paramref name="customerId"/> among
    /// <paramref name="mailIds"/>; mails without any are left out.</summary>
    Task<IReadOnlyList<TrackingSummary>> CustomerSummariesAsync(long customerId, IReadOnlyList<long> mailIds, CancellationToken cancellationToken);
}

/// <summary>A stored open or click, and whether it is the first by a person of its kind: the
/// mail's first open, or the first click of that link.</summary>
public sealed record StoredTracking(TrackingEvent Event, bool FirstByPerson);
