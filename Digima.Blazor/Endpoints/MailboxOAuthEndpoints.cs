using Digima.Blazor.Auth;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.OAuth;
using Microsoft.Extensions.Options;

namespace Digima.Blazor.Endpoints;

/// <summary>The browser's legs of connecting a mailbox with OAuth 2.0: a redirect to the provider,
/// and the provider's redirect back, which ends on the settings page with the outcome in its query
/// (status names only; the code and state never reach the page). Both need the signed-in rep.</summary>
internal static class MailboxOAuthEndpoints
{
    /// <summary>Registered at each provider as this app's redirect URI (docs/configuration.md).</summary>
    public const string CallbackPath = "/mailboxes/oauth/callback";

    public const string SettingsPath = "/settings/mailbox";

    public static IEndpointRouteBuilder MapMailboxOAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var oauth = endpoints.MapGroup("/mailboxes/oauth").RequireAuthorization();

        // A GET, so the provider button can be a plain link: starting a flow changes nothing a
        // forged link could abuse (its state is bound to the rep and only the rep's browser ends it).
        oauth.MapGet("/start/{provider}", async (string provider, HttpContext context, StartMailboxOAuthCommand start, IOAuthProviders providers, ILoggerFactory logs) =>
        {
            if (context.User.ToCurrentUser() is not { } user || providers.All.All(p => p.Name != provider))
            {
                return Results.NotFound();
            }

            try
            {
                return Results.Redirect((await start.StartAsync(user, provider, CallbackUri(context), context.RequestAborted)).AbsoluteUri);
            }
            catch (MailboxTokenUnavailableException e)
            {
                logs.CreateLogger(typeof(MailboxOAuthEndpoints)).LogError(e, "Could not start the OAuth flow of provider {Provider}", provider);
                return Results.LocalRedirect($"~{SettingsPath}?oauth={OAuthConnectStatus.ProviderUnavailable}");
            }
        });

        oauth.MapGet("/callback", async (HttpContext context, CompleteMailboxOAuthCommand complete, string? state, string? code) =>
        {
            if (context.User.ToCurrentUser() is not { } user)
            {
                return Results.Unauthorized();
            }

            var result = await complete.CompleteAsync(user, state, code, CallbackUri(context), context.RequestAborted);
            var query = $"?oauth={result.Status}";
            if (result.Test is { } test)
            {
                query += $"&smtp={test.Smtp.Status}&imap={test.Imap.Status}";
            }

            return Results.LocalRedirect($"~{SettingsPath}{query}");
        });
        return endpoints;
    }

    /// <summary>The same address on the way out and back, as the token endpoint compares them.</summary>
    private static Uri CallbackUri(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<OAuthOptions>>().Value.RedirectUri
        ?? new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{CallbackPath}");
}
