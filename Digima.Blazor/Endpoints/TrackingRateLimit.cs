using System.Threading.RateLimiting;
using Digima.Core.Tracking;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace Digima.Blazor.Endpoints;

/// <summary>The tracking addresses answer anyone without signing in, so one client (remote
/// address and user agent) gets <see cref="TrackingOptions.ClientRequestLimit"/> requests at once
/// and that many again per <see cref="TrackingOptions.ClientWindow"/>; the rest get a bare 429 before any token is read or
/// any row written. The user agent is part of the key so that people behind one office address do
/// not use up each other's share; replays that vary it are still stored once per client and never
/// grow the timeline (see <see cref="RecordTrackingEventCommand"/>).</summary>
internal sealed class TrackingRateLimit(TrackingOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "tracking";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (rejected, _) =>
    {
        var context = rejected.HttpContext;
        // A bare 429: not the app's "not found" page, which would ask the customer to sign in.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.CacheControl = "no-store";
        RateLimiting.RateLimitingRegistration.SetRetryAfter(rejected);
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var agent = httpContext.Request.Headers.UserAgent.ToString();
        var client = $"{httpContext.Connection.RemoteIpAddress}|{(agent.Length > 512 ? agent[..512] : agent)}";
        // A bucket refilled evenly (not a fixed window): a burst straddling a window boundary
        // cannot get twice the limit through.
        return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.ClientRequestLimit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = options.ClientWindow / options.ClientRequestLimit,
            QueueLimit = 0,
        });
    }
}

internal static class TrackingRateLimitRegistration
{
    public static IServiceCollection AddTrackingRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, TrackingRateLimit>(TrackingRateLimit.Policy));
}
