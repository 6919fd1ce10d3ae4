using Digima.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace Digima.Blazor.Auth;

/// <summary>The signed-in user of this circuit (or request), for calling use cases.</summary>
public sealed class CurrentUserAccessor(AuthenticationStateProvider authentication)
{
    /// <exception cref="ForbiddenException">Nobody is signed in.</exception>
    public async Task<CurrentUser> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToCurrentUser() ?? throw new ForbiddenException("Not signed in.");
    }
}
