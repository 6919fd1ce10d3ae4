namespace Digima.Core.LiveUpdates;

/// <summary>The change event bus (R28): whatever changes on any node reaches the open screens of
/// every node. Events carry ids only; a subscriber reads what it shows through its use cases.</summary>
public interface ILiveEvents
{
    /// <summary>Sends the event to every node's subscribers, this node's included, each once.
    /// Delivery is best effort: a node whose bus connection is down misses events until it
    /// reconnects, and then gets <see cref="LiveEventsResumed"/> so screens can reload. A bus
    /// that cannot send is logged, never thrown: what was published has already happened.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the event was sent.</exception>
    Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken);

    /// <summary>Several events in one round trip (a batch of mail sent together), each delivered
    /// as if published on its own.</summary>
    Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="handler"/> for every event of type <typeparamref name="T"/>
    /// published on any node, until the returned subscription is disposed. Handlers run on the
    /// thread pool; a handler that throws is logged and keeps its subscription.</summary>
    IDisposable Subscribe<T>(Func<T, Task> handler)
        where T : LiveEvent;
}
