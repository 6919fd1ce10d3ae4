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
    public const string SecurityStamp = "digima:stamp";

    public static ClaimsPrincipal ToPrincipal(User user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role.ToCode()),
            new Claim(TimeZone, user.TimeZoneId),
            new Claim(Language, user.Language),
            new Claim(SecurityStamp, user.SecurityStamp.ToString("N")),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The session is still valid for this user row: active, and the stamp it was issued
    /// with is the current one. A cookie without a stamp (issued before stamps existed) is over.</summary>
    public static bool IsCurrentSession(User user, ClaimsPrincipal principal) =>
        user.IsActive
        && Guid.TryParseExact(principal.FindFirstValue(SecurityStamp), "N", out var stamp)
        && stamp == user.SecurityStamp;

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
