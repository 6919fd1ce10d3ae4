using Digima.Core.Mailboxes;
using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class OAuthRegistration
{
    /// <summary>The OAuth providers (<c>Digima:OAuth</c>) and the client that talks to them
    /// (<see cref="IOAuthProviders"/>); refreshing a mailbox's token is AddMailboxesInfrastructure's.</summary>
    public static IServiceCollection AddOAuthInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OAuthOptions>(configuration, OAuthOptions.Section);
        services.AddSingleton(sp => new OAuthTokenClient(
            // One client for the app's life: token endpoints are few, and DNS changes are picked up
            // when a pooled connection is renewed.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }),
            sp.GetRequiredService<IOptions<OAuthOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OAuthTokenClient>>()));
        services.AddSingleton<IOAuthProviders>(sp => sp.GetRequiredService<OAuthTokenClient>());
        return services;
    }
}
