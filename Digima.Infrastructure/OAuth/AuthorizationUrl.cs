using System.Text;

namespace Digima.Infrastructure.OAuth;

/// <summary>The authorization request (RFC 6749 4.1.1 with PKCE): code flow, S256 challenge, state.</summary>
public static class AuthorizationUrl
{
    public static Uri Build(
        Uri authorizationEndpoint, string clientId, Uri redirectUri, IEnumerable<string> scopes, string state, string codeVerifier,
        string? loginHint = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", clientId),
            new("redirect_uri", redirectUri.AbsoluteUri),
            new("scope", string.Join(' ', scopes)),
            new("state", state),
            new("code_challenge", Pkce.Challenge(codeVerifier)),
            new("code_challenge_method", "S256"),
        };
        if (!string.IsNullOrEmpty(loginHint))
        {
            parameters.Add(new("login_hint", loginHint));
        }

        parameters.AddRange(extra ?? []);
        var query = new StringBuilder(authorizationEndpoint.Query.Length > 1 ? authorizationEndpoint.Query[1..] : "");
        foreach (var (name, value) in parameters)
        {
            query.Append(query.Length > 0 ? "&" : "").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new UriBuilder(authorizationEndpoint) { Query = query.ToString() }.Uri;
    }
}
