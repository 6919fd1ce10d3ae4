using System.Collections.Concurrent;
using System.Globalization;
using Digima.Core.LiveUpdates;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.LiveUpdates;

/// <summary>This node's subscribers (mostly circuits). Events reach it only from the bus
/// listener, so an event published here and one published on another node arrive the same way,
/// once each.</summary>
internal sealed class LocalLiveEventHub(ILogger<LocalLiveEventHub> logger)
{
    private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
    private long _nextId;

    /// <summary>Open subscriptions; a closed circuit must leave none behind.</summary>
    public int SubscriptionCount => _subscriptions.Count;

    public IDisposable Subscribe<T>(Func<T, Task> handler)
        where T : LiveEvent
    {
        var id = Interlocked.Increment(ref _nextId);
        _subscriptions[id] = new Subscription(typeof(T), e => handler((T)e), CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return new Unsubscriber(this, id);
    }

    public void Deliver(LiveEvent liveEvent)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.EventType.IsInstanceOfType(liveEvent))
            {
                _ = RunAsync(subscription, liveEvent);
            }
        }
    }

    private async Task RunAsync(Subscription subscription, LiveEvent liveEvent)
    {
        try
        {
            // Off the listener's thread: a slow screen must not hold up the next notification.
            await Task.Yield();
            // In the subscriber's language: a screen that re-renders from here must not switch
            // to the listener thread's culture (an English user's list turning Japanese).
            CultureInfo.CurrentCulture = subscription.Culture;
            CultureInfo.CurrentUICulture = subscription.UICulture;
            await subscription.Handler(liveEvent);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A live event subscriber failed on {Event}", liveEvent);
        }
    }

    private sealed record Subscription(Type EventType, Func<LiveEvent, Task> Handler, CultureInfo Culture, CultureInfo UICulture);

    private sealed class Unsubscriber(LocalLiveEventHub hub, long id) : IDisposable
    {
        public void Dispose() => hub._subscriptions.TryRemove(id, out _);
    }
}
