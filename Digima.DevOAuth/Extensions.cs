using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Digima.DevOAuth;

public static class Extensions
{
    /// <summary>The scope a client asks for to read and send a rep's mail (like Google's
    /// https://mail.google.com/ or Microsoft's IMAP.AccessAsUser.All).</summary>
    public const string MailScope = "mail";

    public static IServiceCollection AddDevOAuthServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DevOAuthOptions>()
            .Bind(configuration.GetSection(DevOAuthOptions.Section))
            .Validate(DevOAuthOptions.IsValid, "DevOAuth needs a Password, positive token lifetimes, and an id, secret and redirect URI for every client.")
            .ValidateOnStart();

        // Nothing here needs keys that outlive the process; this also keeps the server from
        // writing a key ring under the user's home folder.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        // Tokens and authorizations live as long as the process (docs/decisions/0010): a SQLite
        // file made afresh at every start. Not EF's in-memory provider: it lacks the bulk
        // updates OpenIddict revokes a token chain with (a replayed code, a revoked authorization).
        var settings = configuration.GetSection(DevOAuthOptions.Section).Get<DevOAuthOptions>() ?? new DevOAuthOptions();
        services.AddDbContext<DbContext>(options =>
        {
            options.UseSqlite($"Data Source={settings.StorePath}");
            options.UseOpenIddict();
        });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                server.RegisterScopes(MailScope, Scopes.OfflineAccess, Scopes.OpenId, Scopes.Email);
                // Opaque tokens, as the big providers hand out: only introspection can read
                // them, so revocation and expiry take effect on the mail servers at once.
                server.UseReferenceAccessTokens().UseReferenceRefreshTokens();
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // Keys die with the process, as the tokens they protect do.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    // Plain HTTP is acceptable only because the server listens on 127.0.0.1.
                    .DisableTransportSecurityRequirement();
            });

        services.AddHostedService<ClientRegistration>();
        services.AddSingleton<MailLogins>();
        return services;
    }

    public static WebApplication MapDevOAuthEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync);
        app.MapPost("/connect/token", (Delegate)TokenEndpoint.HandleAsync);
        app.MapGet("/", () => Results.Text("Digima Mail development OAuth server: /.well-known/openid-configuration"));
        return app;
    }

    internal static DevOAuthOptions Settings(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<DevOAuthOptions>>().Value;
}
