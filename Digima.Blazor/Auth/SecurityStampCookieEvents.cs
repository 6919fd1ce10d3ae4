using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Digima.Blazor.Auth;

/// <summary>Checks every request's cookie against the database: the user must still be active and
/// the cookie's security stamp current (a role change, password change, deactivation or sign-out
/// changes it). The user's role, name and language then come from the database row, never from
/// the cookie, which only says who signed in and when. One primary-key read per request; no cache,
/// so a cookie copied before a sign-out stops working on its very next request, on every node.</summary>
internal sealed class SecurityStampCookieEvents(GetUserQuery getUser) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var user = context.Principal?.UserId() is { } id ? await getUser.GetAsync(id, context.HttpContext.RequestAborted) : null;
        if (user is null || !UserClaims.IsCurrentSession(user, context.Principal!))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(UserClaims.ToPrincipal(user));
    }
}
