using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Digima.DevOAuth;

/// <summary>The authorization endpoint after OpenIddict has checked the request (client,
/// redirect URI, PKCE challenge, scopes): one page that signs the rep in and asks for consent.
/// The page posts back to the same endpoint with the original parameters, so no cookie or
/// server-side request cache is needed.</summary>
internal static class AuthorizeEndpoint
{
    internal const string LoginField = "login";
    internal const string PasswordField = "password";
    internal const string DecisionField = "decision";
    internal const string Allow = "allow";

    public static async Task<IResult> HandleAsync(HttpContext context, MailLogins logins)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict authorization request is missing.");
        var parameters = OriginalParameters(context.Request);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return SignInPage.Render(request, parameters, login: null, error: null);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form[DecisionField] != Allow)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user denied the request.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var login = logins.Check(form[LoginField], form[PasswordField]);
        if (login is null)
        {
            return SignInPage.Render(request, parameters, form[LoginField], "ログイン名またはパスワードが違います。");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, login).SetClaim(Claims.Name, login).SetClaim(Claims.Email, login);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(context.Settings().ResourceServers.Select(r => r.ClientId));
        TokenClaims.SetDestinations(identity);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The client's parameters, from the query (first visit) or the posted form (after
    /// a wrong password), without the page's own fields.</summary>
    private static List<KeyValuePair<string, StringValues>> OriginalParameters(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, StringValues>> source = request.HasFormContentType ? request.Form : request.Query;
        return source.Where(p => p.Key is not (LoginField or PasswordField or DecisionField)).ToList();
    }
}
