using Dapper;
using Digima.Core.LiveUpdates;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Digima.Infrastructure.LiveUpdates;

/// <summary>Publishes with pg_notify, so every node's <see cref="LiveEventListener"/> (this
/// node's too) hands the event to its local subscribers.</summary>
internal sealed class PostgresLiveEvents(NpgsqlDataSource dataSource, LocalLiveEventHub hub, ILogger<PostgresLiveEvents> logger) : ILiveEvents
{
    public Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken) =>
        PublishAsync([liveEvent], cancellationToken);

    public async Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents, CancellationToken cancellationToken)
    {
        // One statement for many: each payload is its own notification (identical payloads in one
        // call arrive once: PostgreSQL folds a transaction's duplicate notifications).
        const string sql = "SELECT pg_notify(@channel, payload) FROM unnest(@payloads) AS p(payload)";
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var payloads = liveEvents.Select(LiveEventPayload.Write).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                sql, new { channel = LiveEventPayload.Channel, payloads }, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The change itself is stored; screens catch up on LiveEventsResumed or their next load.
            logger.LogWarning(e, "Could not publish {Count} live events, the first {Event}", liveEvents.Count, liveEvents[0]);
        }
    }

    public IDisposable Subscribe<T>(Func<T, Task> handler)
        where T : LiveEvent => hub.Subscribe(handler);
}
