using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;

namespace Digima.Infrastructure.Telemetry;

/// <summary><c>Digima:Telemetry</c>: where traces, metrics and logs go. Nothing is exported
/// unless an OTLP endpoint is set here or in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; Prometheus
/// scraping is a switch of its own.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Digima:Telemetry";

    /// <summary>The collector's base address, e.g. http://otel-collector:4317 (gRPC) or :4318
    /// (HTTP, the signal paths /v1/traces, /v1/metrics and /v1/logs are added).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Maps GET /metrics (Prometheus text format), anonymous: keep it reachable only
    /// from the monitoring network (docs/operations.md).</summary>
    public bool Prometheus { get; set; }

    /// <summary>service.name of every span, metric and log.</summary>
    [Required]
    public string ServiceName { get; set; } = "digima";

    /// <summary>How old the database figures behind the gauges (outbox depth, import lag) may be:
    /// a scrape or export more often than this reads nothing from the database.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            yield return new ValidationResult("must be grpc or http/protobuf.", [nameof(OtlpProtocol)]);
        }

        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("must be an absolute URL such as http://otel-collector:4317.", [nameof(OtlpEndpoint)]);
        }
    }
}
