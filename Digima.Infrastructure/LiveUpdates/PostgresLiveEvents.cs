using Dapper;
using Digima.Core.LiveUpdates;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Digima.Infrastructure.LiveUpdates;

/// <summary>Publishes with pg_notify, so every node's <see cref="LiveEventListener"/> (this
/// node's too) hands the event to its local subscribers.</summary>
internal sealed class PostgresLiveEvents(NpgsqlDataSource dataSource, LocalLiveEventHub hub, ILogger<PostgresLiveEvents> logger) : ILiveEvents
{
    public async Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken)
    {
        const string sql = "SELECT pg_notify(@channel, @payload)";
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                sql, new { channel = LiveEventPayload.Channel, payload = LiveEventPayload.Write(liveEvent) }, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The change itself is stored; screens catch up on LiveEventsResumed or their next load.
            logger.LogWarning(e, "Could not publish the live event {Event}", liveEvent);
        }
    }

    public IDisposable Subscribe<T>(Func<T, Task> handler)
        where T : LiveEvent => hub.Subscribe(handler);
}
