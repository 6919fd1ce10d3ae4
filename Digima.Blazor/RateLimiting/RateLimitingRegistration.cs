using System.Threading.RateLimiting;
using Digima.Blazor.Endpoints;
using Microsoft.AspNetCore.RateLimiting;

namespace Digima.Blazor.RateLimiting;

/// <summary>ASP.NET Core's rate limiter, registered once. Each policy lives in its own file and
/// adds itself to <see cref="RateLimiterOptions"/> with <c>services.AddOptions&lt;RateLimiterOptions&gt;().Configure(...)</c>
/// (see <see cref="SignInRateLimit"/>); an endpoint opts in with <c>RequireRateLimiting(policy)</c>,
/// a page with <c>[EnableRateLimiting(policy)]</c>. Limits are per node, in memory.</summary>
internal static class RateLimitingRegistration
{
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddSignInRateLimit(configuration);
        services.AddTrackingRateLimit();
        return services;
    }

    /// <summary>The client a per-client limit counts: the connection's address, which is the real
    /// client's only when forwarded headers come from a configured proxy (see HttpHardening).</summary>
    public static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Sets Retry-After when the limiter knows when a permit comes back.</summary>
    public static void SetRetryAfter(OnRejectedContext context)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
