using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Digima.Blazor.Auth;

/// <summary>An open circuit lives for hours; every minute it checks that its user is still
/// active, so a deactivated user loses the screens they have open, not only new requests.</summary>
internal sealed class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.UserId() is not { } id)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<GetUserQuery>().GetAsync(id, cancellationToken);
        return user is { IsActive: true };
    }
}
