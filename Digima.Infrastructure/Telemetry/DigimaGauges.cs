using System.Diagnostics.Metrics;
using Digima.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Telemetry;

/// <summary>The gauges read from the database: outbox depth and each mailbox's import lag, on a
/// meter of the host (disposed with it) named like the app's own counters. A collection reads
/// the last figures and, when they are older than <see cref="TelemetryOptions.GaugeRefreshInterval"/>,
/// starts one refresh in the background: a scrape never waits on the database, and scraping
/// often costs one query pair per interval, whatever the number of nodes' scrapers.</summary>
public sealed class DigimaGauges : IDisposable
{
    private readonly OperationsReadings _readings;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger<DigimaGauges> _logger;
    private readonly Meter _meter;
    private readonly CancellationTokenSource _disposed = new();
    private Snapshot? _snapshot;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private int _refreshing;

    public DigimaGauges(IMeterFactory meters, OperationsReadings readings, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<DigimaGauges> logger)
    {
        _readings = readings;
        _time = time;
        _refreshInterval = options.Value.GaugeRefreshInterval;
        _logger = logger;
        _meter = meters.Create(DigimaTelemetry.MeterName);
        _meter.CreateObservableGauge("digima.outbox.depth", ObserveDepth, "{mail}", "Mail waiting in the outbox (status queued or sending), all nodes together.");
        _meter.CreateObservableGauge("digima.mail.import.lag", ObserveLags, "s", "Time since each connected mailbox last imported successfully (since it was connected, if never).");
    }

    /// <summary>Reads the figures now (the first collection after start has something to show).</summary>
    public Task RefreshAsync() => RefreshOnceAsync();

    public void Dispose()
    {
        _disposed.Cancel();
        _meter.Dispose();
        _disposed.Dispose();
    }

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (Current() is not { } snapshot)
        {
            return [];
        }

        return
        [
            new Measurement<long>(snapshot.Depth.Queued, new KeyValuePair<string, object?>("status", "queued")),
            new Measurement<long>(snapshot.Depth.Sending, new KeyValuePair<string, object?>("status", "sending")),
        ];
    }

    private IEnumerable<Measurement<double>> ObserveLags() =>
        Current() is { } snapshot
            ? snapshot.Lags.Select(l => new Measurement<double>(l.Lag.TotalSeconds, new KeyValuePair<string, object?>("user_id", l.UserId))).ToList()
            : [];

    private Snapshot? Current()
    {
        if (_time.GetUtcNow() - _readAt >= _refreshInterval)
        {
            _ = RefreshOnceAsync();
        }

        return Volatile.Read(ref _snapshot);
    }

    private async Task RefreshOnceAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            var token = _disposed.Token;
            var depth = await _readings.OutboxDepthAsync(token);
            var lags = await _readings.ImportLagsAsync(_time.GetUtcNow(), token);
            Volatile.Write(ref _snapshot, new Snapshot(depth, lags));
            _readAt = _time.GetUtcNow();
        }
        catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException))
        {
            // The database may be down: the gauges keep the last figures (the readiness check says why).
            _logger.LogWarning(e, "The outbox and import gauges could not be read");
            _readAt = _time.GetUtcNow();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Disposed with the host.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private sealed record Snapshot(OutboxDepth Depth, IReadOnlyList<MailboxImportLag> Lags);
}
