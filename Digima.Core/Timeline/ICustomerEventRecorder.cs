namespace Digima.Core.Timeline;

/// <summary>Writes events onto customers' timelines (R13). Any feature that learns of something
/// happening to a customer (scheduling, holding, a send failure, an open, a click, a contact
/// field change) records it here; the timeline shows it at <see cref="CustomerEvent.OccurredAt"/>
/// among the customer's mail, newest first. Recording is append-only and not deduplicated: call
/// it once per occurrence.</summary>
public interface ICustomerEventRecorder
{
    /// <summary>Stores the events in one transaction (all or none). An empty list does nothing.</summary>
    /// <param name="events">The events; each names its customer.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>A customer id that does not exist fails the whole call with the database's
    /// foreign-key error; a customer deleted later takes its events with it.</remarks>
    Task RecordAsync(IReadOnlyCollection<CustomerEvent> events, CancellationToken cancellationToken);
}
