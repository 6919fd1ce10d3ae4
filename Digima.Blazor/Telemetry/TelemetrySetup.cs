using Digima.Core.Telemetry;
using Digima.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Digima.Blazor.Telemetry;

/// <summary>OpenTelemetry for the app (docs/operations.md, decision 0025): traces and logs go out
/// over OTLP only when an endpoint is configured; metrics too, and/or to GET /metrics when the
/// Prometheus switch is on. With neither, nothing listens and nothing is exported. Logs are JSON
/// on the console in Production, with their scopes (mail, user and mailbox ids).</summary>
public static class TelemetrySetup
{
    private static int _mailKitConfigured;

    public static WebApplicationBuilder AddDigimaTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        builder.Services.AddSingleton<CircuitHandler, OpenCircuitsHandler>();
        var otlp = OtlpEndpoint(builder.Configuration, options);
        if (otlp is null && !options.Prometheus)
        {
            return builder;
        }

        // MailKit's own spans and meters (SMTP, IMAP, sockets) exist once configured, once per process.
        if (Interlocked.Exchange(ref _mailKitConfigured, 1) == 0)
        {
            MailKit.Telemetry.Configure();
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DigimaTelemetry.MeterName)
                    .AddMeter(MailKit.Telemetry.SmtpClient.MeterName, MailKit.Telemetry.ImapClient.MeterName, MailKit.Telemetry.Socket.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp is not null)
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: logs =>
                {
                    logs.IncludeScopes = true;
                    logs.IncludeFormattedMessage = true;
                })
                .WithTracing(tracing => tracing
                    .AddSource(DigimaTelemetry.SourceName)
                    .AddSource(MailKit.Telemetry.SmtpClient.ActivitySourceName, MailKit.Telemetry.ImapClient.ActivitySourceName)
                    .AddAspNetCoreInstrumentation(asp =>
                    {
                        // Probes and scrapes every few seconds would drown the traces that matter.
                        asp.Filter = http => !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments("/metrics");
                        asp.EnableRazorComponentsSupport = true;
                    })
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter(otlp.Value.Protocol, otlp.Value.Endpoint);
        }

        return builder;
    }

    /// <summary>GET /metrics when the Prometheus switch is on, and the database gauges.</summary>
    public static WebApplication UseDigimaTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus || OtlpEndpoint(app.Configuration, options) is not null)
        {
            _ = app.Services.GetRequiredService<DigimaGauges>().RefreshAsync();
        }

        if (options.Prometheus)
        {
            // Anonymous by design (a scraper has no session): reachable only from the monitoring
            // network, blocked at the proxy in front of the nodes (docs/operations.md).
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().DisableRateLimiting();
        }

        return app;
    }

    /// <summary>Digima:Telemetry:OtlpEndpoint, else the standard OTEL_EXPORTER_OTLP_ENDPOINT
    /// (with OTEL_EXPORTER_OTLP_PROTOCOL); null when neither is set.</summary>
    private static (OtlpExportProtocol Protocol, Uri Endpoint)? OtlpEndpoint(IConfiguration configuration, TelemetryOptions options)
    {
        var endpoint = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? options.OtlpEndpoint : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var protocol = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? options.OtlpProtocol : configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        return (protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, new Uri(endpoint));
    }
}
