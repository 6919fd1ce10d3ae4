using Digima.Core.LiveUpdates;
using Digima.Core.Telemetry;
using Digima.Infrastructure.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure.LiveUpdates;

/// <summary>One dedicated connection per node that LISTENs on the bus channel and hands every
/// notification, this node's own included, to the local subscribers. A dropped connection is
/// reopened with a doubling delay; after it is back, <see cref="LiveEventsResumed"/> tells the
/// screens to reload what the gap may have hidden.</summary>
internal sealed class LiveEventListener(
    IOptions<DatabaseOptions> database,
    IOptions<LiveUpdatesOptions> options,
    LocalLiveEventHub hub,
    ILogger<LiveEventListener> logger) : BackgroundService
{
    public const string ApplicationName = "digima-live";

    private volatile TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connection is listening (again).</summary>
    public Task WaitListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    /// <summary>The connection is listening now (the readiness check asks).</summary>
    public bool IsListening => _listening.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.ReconnectMinDelay;
        var dropped = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                connection.Notification += (_, n) => Receive(n.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveEventPayload.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                delay = options.Value.ReconnectMinDelay;
                if (dropped)
                {
                    logger.LogInformation("The live event bus is listening again");
                    DigimaTelemetry.LiveEventsReconnected();
                    hub.Deliver(new LiveEventsResumed());
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (_listening.Task.IsCompleted)
                {
                    _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                dropped = true;
                logger.LogWarning(e, "The live event bus connection failed; reconnecting in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.ReconnectMaxDelay.Ticks));
            }
        }
    }

    private void Receive(string payload)
    {
        if (LiveEventPayload.Read(payload) is { } liveEvent and not LiveEventsResumed)
        {
            hub.Deliver(liveEvent);
        }
        else
        {
            logger.LogDebug("Ignored an unknown live event payload {Payload}", payload);
        }
    }

    /// <summary>Outside the pool (a pooled connection would be reset and lose its LISTEN), with
    /// keepalives so a dead server is noticed while waiting.</summary>
    private string ConnectionString() => new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
    {
        Pooling = false,
        ApplicationName = ApplicationName,
        KeepAlive = 15,
    }.ConnectionString;
}
