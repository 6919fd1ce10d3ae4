using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Digima.Blazor.Auth;

/// <summary>Rejects the cookie of a user who was deactivated (or deleted) since signing in.
/// The answer is cached briefly: every static file request passes through here.</summary>
internal sealed class ActiveUserCookieEvents(GetUserQuery getUser, IMemoryCache cache) : CookieAuthenticationEvents
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.UserId() is not { } id || !await IsActiveAsync(id, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private async Task<bool> IsActiveAsync(long id, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"user-active:{id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var user = await getUser.GetAsync(id, cancellationToken);
            return user is { IsActive: true };
        });
}
