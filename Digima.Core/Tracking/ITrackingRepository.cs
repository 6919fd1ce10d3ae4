namespace Digima.Core.Tracking;

public interface ITrackingRepository
{
    /// <summary>The mail, its customer recipients and when the SMTP server took it; null if unknown.</summary>
    Task<TrackedMail?> GetMailAsync(long mailId, CancellationToken cancellationToken);

    /// <summary>Events of the mail at or after <paramref name="since"/> (for the burst rule).</summary>
    Task<int> CountSinceAsync(long mailId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stores the event; returns its id and whether it is the mail's first open by a person.</summary>
    Task<(long Id, bool FirstHumanOpen)> InsertAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken);

    /// <summary>Opens and clicks of these mails of the user.</summary>
    Task<IReadOnlyList<TrackingSummary>> SummariesAsync(long userId, IReadOnlyList<long> mailIds, CancellationToken cancellationToken);

    /// <summary>Per mail and kind, the events attributed to <paramref name="customerId"/> among
    /// <paramref name="mailIds"/>; mails without any are left out.</summary>
    Task<IReadOnlyList<TrackingSummary>> CustomerSummariesAsync(long customerId, IReadOnlyList<long> mailIds, CancellationToken cancellationToken);
}
