using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Digima.Blazor.Auth;

/// <summary>An open circuit lives for hours; every <see cref="SessionOptions.RevalidationInterval"/>
/// it checks that its user is still active and that the security stamp it started with is still
/// current, so a deactivated, demoted or signed-out user loses the screens they have open, not
/// only new requests. A demoted manager's circuit ends; the next one gets the new role.</summary>
internal sealed class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.UserId() is not { } id)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<GetUserQuery>().GetAsync(id, cancellationToken);
        return user is not null && UserClaims.IsCurrentSession(user, authenticationState.User);
    }
}
