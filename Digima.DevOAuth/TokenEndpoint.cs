using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Digima.DevOAuth;

/// <summary>The token endpoint after OpenIddict has checked the grant: the client secret, the
/// code and its PKCE verifier (a code is good once), or the refresh token.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict token request is missing.");
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal?.Identity is not ClaimsIdentity identity)
        {
            // OpenIddict rejects a bad code or refresh token before this point; an unsupported
            // grant type never reaches here either (only code and refresh_token are allowed).
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        TokenClaims.SetDestinations(identity);
        var client = context.Settings().Clients.Find(c => c.ClientId == request.ClientId);
        var principal = new ClaimsPrincipal(identity);
        if (client?.AccessTokenLifetime is { } lifetime)
        {
            principal.SetAccessTokenLifetime(lifetime);
        }

        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
