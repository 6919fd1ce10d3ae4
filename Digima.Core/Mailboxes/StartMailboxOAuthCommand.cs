using Digima.Core.Common;

namespace Digima.Core.Mailboxes;

/// <summary>「Google Workspace / Gmail で接続」 and the other provider buttons: starts the
/// authorization code flow with PKCE for the signed-in rep's mailbox.</summary>
/// <remarks>The state and verifier are kept in the database (<see cref="IOAuthStartRepository"/>)
/// rather than in a Data Protection-protected cookie: a cookie can be presented twice, a row can be
/// deleted once, so only the table makes the state single-use, and it holds across app nodes.</remarks>
public sealed class StartMailboxOAuthCommand(IOAuthProviders providers, IOAuthStartRepository starts, ISecretProtector secrets, TimeProvider clock)
{
    /// <summary>Long enough to sign in with a second factor, short enough that a leaked state is soon worthless.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Where to send the rep's browser.</summary>
    /// <exception cref="ArgumentException">No provider of that name is configured.</exception>
    /// <exception cref="MailboxTokenUnavailableException">A generic provider's discovery document could not be read.</exception>
    public async Task<Uri> StartAsync(CurrentUser actor, string provider, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var authorization = await providers.AuthorizeAsync(provider, redirectUri, actor.Email, cancellationToken);
        await starts.AddAsync(
            new OAuthStart(authorization.State, actor.Id, provider, secrets.Protect(authorization.CodeVerifier), clock.GetUtcNow() + Lifetime),
            cancellationToken);
        return authorization.Url;
    }
}
