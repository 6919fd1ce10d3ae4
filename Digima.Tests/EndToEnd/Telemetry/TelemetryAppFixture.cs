using Digima.Tests.Support;

namespace Digima.Tests.EndToEnd.Telemetry;

/// <summary>The app exporting over OTLP/HTTP to a receiver in the test process, and serving
/// /metrics; the database gauges refresh every second rather than every 15.</summary>
public sealed class TelemetryAppFixture() : AppFixture(new Dictionary<string, string?>
{
    ["Digima:Telemetry:OtlpEndpoint"] = Otlp.Endpoint,
    ["Digima:Telemetry:OtlpProtocol"] = "http/protobuf",
    ["Digima:Telemetry:Prometheus"] = "true",
    ["Digima:Telemetry:GaugeRefreshInterval"] = "00:00:01",
})
{
    /// <summary>One receiver for the test run (the fixture's settings need its address first).</summary>
    public static OtlpReceiver Otlp { get; } = new();
}
