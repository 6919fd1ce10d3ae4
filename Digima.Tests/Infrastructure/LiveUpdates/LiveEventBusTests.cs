using System.Collections.Concurrent;
using Dapper;
using Digima.Core.LiveUpdates;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Digima.Infrastructure.Database;
using Digima.Infrastructure.LiveUpdates;
using Digima.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digima.Tests.Infrastructure.LiveUpdates;

/// <summary>Two nodes' buses on one real database.</summary>
public sealed class LiveEventBusTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private TestDatabase _database = default!;
    private Node _a = default!;
    private Node _b = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("bus");
        _a = await Node.StartAsync(_database);
        _b = await Node.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Publish_OnEitherNode_EverySubscriberOnBothNodesGetsEachEventOnce()
    {
        var onA = new ConcurrentQueue<long>();
        var onB = new ConcurrentQueue<long>();
        using var subA = _a.Bus.Subscribe<NotificationCreated>(e => Add(onA, e.NotificationId));
        using var subB = _b.Bus.Subscribe<NotificationCreated>(e => Add(onB, e.NotificationId));
        using var other = _b.Bus.Subscribe<MailImported>(_ => throw new InvalidOperationException("wrong type delivered"));

        await _a.Bus.PublishAsync(new NotificationCreated(1, 7), CancellationToken.None);
        await _b.Bus.PublishAsync(new NotificationCreated(2, 7), CancellationToken.None);

        await WaitUntilAsync(() => onA.Count >= 2 && onB.Count >= 2);
        await Task.Delay(500);
        Assert.Equal([1, 2], onA.Order());
        Assert.Equal([1, 2], onB.Order());
    }

    [Fact]
    public async Task PublishMany_OneCall_EachEventDeliveredOnceOnBothNodes()
    {
        var onA = new ConcurrentQueue<long>();
        var onB = new ConcurrentQueue<long>();
        using var subA = _a.Bus.Subscribe<OutgoingMailStatusChanged>(e => Add(onA, e.MailId));
        using var subB = _b.Bus.Subscribe<OutgoingMailStatusChanged>(e => Add(onB, e.MailId));
        var sent = new long[] { 31, 32, 33, 34 }.Select(id => (LiveEvent)new OutgoingMailStatusChanged(id, 7, MailStatus.Sent, [5])).ToList();

        await _a.Bus.PublishAsync(sent, CancellationToken.None);

        await WaitUntilAsync(() => onA.Count >= 4 && onB.Count >= 4);
        await Task.Delay(500);
        // Handlers run on the thread pool, so the order they see is not promised; each comes once.
        Assert.Equal([31, 32, 33, 34], onA.Order());
        Assert.Equal([31, 32, 33, 34], onB.Order());
    }

    [Fact]
    public async Task Payload_EveryEventType_RoundTrips()
    {
        LiveEvent[] events =
        [
            new MailImported(1, [2, 3]), new OutgoingMailStatusChanged(4, 5, MailStatus.Sent, [6]),
            new TrackingRecorded(7, 8, null, TrackingKind.Click, true), new ScheduledMailHeld(9, 10, "会社名"), new NotificationCreated(11, 12),
        ];
        var received = new ConcurrentQueue<LiveEvent>();
        using var sub = _b.Bus.Subscribe<LiveEvent>(e => Add(received, e));

        foreach (var e in events)
        {
            await _a.Bus.PublishAsync(e, CancellationToken.None);
        }

        await WaitUntilAsync(() => received.Count >= events.Length);
        Assert.Equal(events.Select(LiveEventPayload.Write).Order(), received.Select(LiveEventPayload.Write).Order());
    }

    [Fact]
    public async Task Listener_ConnectionKilled_ReconnectsSaysResumedAndDeliversAgain()
    {
        var resumed = 0;
        var received = new ConcurrentQueue<long>();
        using var onResumed = _a.Bus.Subscribe<LiveEventsResumed>(_ => Task.FromResult(Interlocked.Increment(ref resumed)));
        using var onEvent = _a.Bus.Subscribe<NotificationCreated>(e => Add(received, e.NotificationId));

        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            var killed = await connection.ExecuteScalarAsync<int>(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name",
                new { name = LiveEventListener.ApplicationName });
            Assert.Equal(2, killed);
        }

        await WaitUntilAsync(() => Volatile.Read(ref resumed) == 1);
        await _a.Listener.WaitListeningAsync(CancellationToken.None).WaitAsync(Wait);
        await _b.Bus.PublishAsync(new NotificationCreated(99, 1), CancellationToken.None);
        await WaitUntilAsync(() => received.Contains(99));
    }

    [Fact]
    public async Task Subscribe_Disposed_NothingMoreDeliveredAndNoSubscriptionLeft()
    {
        var before = _a.Hub.SubscriptionCount;
        var received = new ConcurrentQueue<long>();
        var subscription = _a.Bus.Subscribe<NotificationCreated>(e => Add(received, e.NotificationId));
        Assert.Equal(before + 1, _a.Hub.SubscriptionCount);

        subscription.Dispose();
        await _b.Bus.PublishAsync(new NotificationCreated(5, 1), CancellationToken.None);
        await Task.Delay(1000);

        Assert.Empty(received);
        Assert.Equal(before, _a.Hub.SubscriptionCount);
    }

    private static Task Add<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        return Task.CompletedTask;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The live event did not arrive in time.");
            await Task.Delay(50);
        }
    }

    private sealed class Node : IAsyncDisposable
    {
        private Node(TestDatabase database)
        {
            Hub = new LocalLiveEventHub(NullLogger<LocalLiveEventHub>.Instance);
            Listener = new LiveEventListener(
                Options.Create(new DatabaseOptions { ConnectionString = database.ConnectionString }),
                Options.Create(new LiveUpdatesOptions { ReconnectMinDelay = TimeSpan.FromMilliseconds(100) }),
                Hub,
                NullLogger<LiveEventListener>.Instance);
            Bus = new PostgresLiveEvents(database.DataSource, Hub, NullLogger<PostgresLiveEvents>.Instance);
        }

        public LocalLiveEventHub Hub { get; }
        public LiveEventListener Listener { get; }
        public ILiveEvents Bus { get; }

        public static async Task<Node> StartAsync(TestDatabase database)
        {
            var node = new Node(database);
            await node.Listener.StartAsync(CancellationToken.None);
            await node.Listener.WaitListeningAsync(CancellationToken.None).WaitAsync(Wait);
            return node;
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            Listener.Dispose();
        }
    }
}
