using Digima.Core.Tracking;
using Microsoft.AspNetCore.Diagnostics;

namespace Digima.Blazor.Endpoints;

/// <summary>The addresses in tracked mail, reached by the customer's mail client without signing
/// in: <c>/t/o/{token}</c> (the 1x1 image) and <c>/t/c/{token}</c> (a link). Nothing here tells
/// a good token from a bad one except that a bad click goes nowhere: the image is the same bytes,
/// and a 404 is a bare 404 (not the app's page, which would ask to sign in). Each client's
/// requests are limited (<see cref="TrackingRateLimit"/>).</summary>
internal static class TrackingEndpoints
{
    /// <summary>A transparent 1x1 GIF.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tracking = endpoints.MapGroup("/t").AllowAnonymous().RequireRateLimiting(TrackingRateLimit.Policy);

        tracking.MapGet("/o/{token}", async (string token, HttpContext context, RecordTrackingEventCommand record, ILoggerFactory logs) =>
        {
            Prepare(context);
            try
            {
                await record.RecordAsync(token, TrackingKind.Open, Visitor(context), context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The customer's mail shows its image whatever happened here.
                logs.CreateLogger(typeof(TrackingEndpoints)).LogError(e, "Recording an open failed");
            }

            return Results.File(Pixel, "image/gif");
        });

        tracking.MapGet("/c/{token}", async (string token, HttpContext context, RecordTrackingEventCommand record) =>
        {
            Prepare(context);
            var location = await record.RecordAsync(token, TrackingKind.Click, Visitor(context), context.RequestAborted);
            return location is null ? Results.NotFound() : Results.Redirect(location);
        });
        return endpoints;
    }

    private static void Prepare(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        // Every fetch must reach us (no cached image), and the token must not leak to the linked site.
        context.Response.Headers.CacheControl = "no-store, no-cache, max-age=0, private";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static TrackingVisitor Visitor(HttpContext context) =>
        new(context.Request.Headers.UserAgent.ToString(), context.Connection.RemoteIpAddress?.ToString());
}
