using Digima.Blazor.Auth;
using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Digima.Blazor.Endpoints;

/// <summary>Cookie changes cannot happen over a circuit's WebSocket, so sign-out and refreshing the
/// cookie after a preference change are plain HTTP endpoints.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // POST only, with the antiforgery token of the form in the user menu: a link on another
        // site cannot sign a rep out.
        account.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("~/account/login");
        });

        // Re-issues the cookie from the database, e.g. after the user changed language or time zone.
        account.MapGet("/refresh", async (HttpContext context, GetUserQuery getUser, string? returnUrl) =>
        {
            var user = context.User.UserId() is { } id ? await getUser.GetAsync(id, context.RequestAborted) : null;
            if (user is not { IsActive: true })
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.LocalRedirect("~/account/login");
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.ToPrincipal(user));
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });
        return endpoints;
    }

    /// <summary>Only paths on this site: an open redirect would let a phishing link bounce through us.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
