using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Digima.Blazor.Resources;
using Digima.Core.Common;
using Digima.Infrastructure.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Digima.Blazor.RateLimiting;

/// <summary>Sign-in attempts (POSTs of the sign-in form) per client address in a fixed window.
/// The account lockout stops guessing one address; this stops one client trying many
/// addresses. Generous by default: a whole office signs in from one address at nine.</summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SignInRateLimitOptions>(configuration, SignInRateLimitOptions.Section);
        services.AddSingleton<SignInRateLimitPolicy>();
        services.AddOptions<RateLimiterOptions>()
            .Configure<SignInRateLimitPolicy>((o, policy) => o.AddPolicy(Policy, policy));
        return services;
    }
}

/// <summary><c>Digima:SignIn:RateLimit</c>: attempts per client per window.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Digima:SignIn:RateLimit";

    [Range(1, int.MaxValue, ErrorMessage = "must be at least {1}.")]
    public int PermitLimit { get; set; } = 30;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class SignInRateLimitPolicy(IOptions<SignInRateLimitOptions> options, IStringLocalizer<UiText> text) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        RateLimitingRegistration.SetRetryAfter(context);
        context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(
            $"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Digima Mail</title></head><body><p data-testid="sign-in-throttled">{WebUtility.HtmlEncode(text["Login_Throttled"])}</p><p><a href="/account/login">{WebUtility.HtmlEncode(text["Login_Title"])}</a></p></body></html>""",
            cancellationToken);
    };

    // Showing the form (GET) is free; only submitting it (POST) counts.
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(RateLimitingRegistration.ClientKey(httpContext), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.PermitLimit,
                Window = options.Value.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("");
}
