namespace Digima.Core.Mailboxes;

/// <summary>Authorizations a rep started and has not finished: the state and PKCE verifier the
/// provider's redirect must come back with, kept on the server, bound to the rep, used once.</summary>
public interface IOAuthStartRepository
{
    /// <summary>Keeps a started authorization until it is taken or expires.</summary>
    Task AddAsync(OAuthStart start, CancellationToken cancellationToken);

    /// <summary>Removes the authorization of <paramref name="state"/> started by <paramref name="userId"/>
    /// and returns it, in one statement: a second call with the same state (a replayed redirect)
    /// finds nothing. Returns null for an unknown, used, expired or another user's state; another
    /// user's is left alone, so presenting it cannot spoil the flow of the rep who started it.</summary>
    Task<OAuthStart?> TakeAsync(string state, long userId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <param name="ProtectedCodeVerifier">The PKCE verifier through <see cref="ISecretProtector.Protect"/>:
/// with the code it is all an attacker needs, so it is no more readable in the database than a token.</param>
public sealed record OAuthStart(string State, long UserId, string Provider, string ProtectedCodeVerifier, DateTimeOffset ExpiresAt);
