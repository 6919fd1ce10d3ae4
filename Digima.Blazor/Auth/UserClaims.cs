using System.Globalization;
using System.Security.Claims;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Digima.Blazor.Auth;

/// <summary>What the sign-in cookie carries about a user, and how to read it back.</summary>
internal static class UserClaims
{
    public const string TimeZone = "digima:tz";
    public const string Language = "digima:lang";

    public static ClaimsPrincipal ToPrincipal(User user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role.ToCode()),
            new Claim(TimeZone, user.TimeZoneId),
            new Claim(Language, user.Language),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static CurrentUser? ToCurrentUser(this ClaimsPrincipal principal) =>
        principal.UserId() is { } id
            ? new CurrentUser(
                id,
                principal.FindFirstValue(ClaimTypes.Email) ?? "",
                principal.FindFirstValue(ClaimTypes.Name) ?? "",
                principal.IsInRole(UserRoles.Manager) ? UserRole.Manager : UserRole.Rep,
                principal.FindFirstValue(TimeZone) ?? UserDefaults.TimeZoneId,
                principal.FindFirstValue(Language) ?? UserDefaults.Language)
            : null;
}
