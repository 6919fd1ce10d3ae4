using Digima.Blazor.Auth;
using Digima.Core.Accounts.Sessions;
using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Antiforgery;
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

        // POST only, with the antiforgery token of the form in the user menu: a form or link on
        // another site cannot sign a rep out. Signing out ends every session of the user.
        account.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, SignOutCommand signOut) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (context.User.UserId() is { } id)
            {
                await signOut.SignOutAsync(id, context.RequestAborted);
            }

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

    /// <summary>Only paths on this site: an open redirect would let a phishing link bounce through
    /// us. A control character (which no header may carry) sends the user home; other non-ASCII
    /// characters are percent-encoded, as a Location header must be.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? EncodeNonAscii(returnUrl)
            : "/";

    private static string EncodeNonAscii(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }

        var encoded = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
