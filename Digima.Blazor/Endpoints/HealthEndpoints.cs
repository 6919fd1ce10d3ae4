using System.Text.Json;
using Digima.Infrastructure.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digima.Blazor.Endpoints;

/// <summary>The probes of a load balancer or orchestrator, anonymous and never rate limited:
/// /healthz/live (the process answers, nothing else asked, so a database outage never restarts
/// the node) and /healthz/ready (database migrated, live-event bus listening, scheduler running;
/// Degraded, still 200, when a mailbox's import lags). /healthz stays as it was: the ready
/// answer in plain text, which the scripts and the benchmarks wait on.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = IsReadiness, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = IsReadiness }).AllowAnonymous().DisableRateLimiting();
    }

    private static bool IsReadiness(HealthCheckRegistration check) => check.Tags.Contains(HealthRegistration.Ready);

    /// <summary>Each check's status and its own short description; never an exception's text,
    /// which could name a host or a user (the log has it).</summary>
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = (long)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = (long)e.Value.Duration.TotalMilliseconds }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
