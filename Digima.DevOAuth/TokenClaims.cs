using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Digima.DevOAuth;

internal static class TokenClaims
{
    /// <summary>Every claim goes into the access token, which Dovecot reads through
    /// introspection; the identity token gets them only when the client asked for openid.</summary>
    public static void SetDestinations(ClaimsIdentity identity)
    {
        var withIdentityToken = identity.HasScope(Scopes.OpenId);
        identity.SetDestinations(_ => withIdentityToken
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
    }
}
