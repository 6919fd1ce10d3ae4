using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.OAuth;

/// <summary>The providers' endpoints over plain HTTP (RFC 6749, 7009, 7636; OpenID Connect
/// Discovery): authorization URLs, code exchange, refresh and revocation. Tokens go only into
/// request bodies and the returned records, never into a log or an exception message.</summary>
internal sealed class OAuthTokenClient(HttpClient http, IOptions<OAuthOptions> options, TimeProvider time, ILogger<OAuthTokenClient> logger)
    : IOAuthProviders
{
    /// <summary>A refusal that only a new grant cures (RFC 6749 5.2; Microsoft's consent and MFA demands).</summary>
    private static readonly HashSet<string> GrantRefusals = new(StringComparer.Ordinal)
    {
        "invalid_grant", "consent_required", "interaction_required", "unauthorized_client",
    };

    private readonly ConcurrentDictionary<string, Lazy<Task<OAuthEndpoints>>> _discovered = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<OAuthProviderInfo> All =>
        options.Value.Providers.Select(p => new OAuthProvider(p.Key, p.Value).Info).ToList();

    public async Task<OAuthAuthorization> AuthorizeAsync(string provider, Uri redirectUri, string? loginHint, CancellationToken cancellationToken)
    {
        var p = Provider(provider);
        var endpoints = await EndpointsAsync(p, cancellationToken);
        var state = Pkce.NewState();
        var verifier = Pkce.NewVerifier();
        var url = AuthorizationUrl.Build(endpoints.Authorization, p.ClientId, redirectUri, p.Scopes, state, verifier, loginHint, p.ExtraAuthorizationParameters);
        return new OAuthAuthorization(url, state, verifier);
    }

    public Task<OAuthTokens> ExchangeCodeAsync(string provider, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken) =>
        TokenAsync(Provider(provider), new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.AbsoluteUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    /// <summary>A new access token from the grant's refresh token.</summary>
    /// <exception cref="MailboxReconnectRequiredException">The provider refused the grant for good.</exception>
    /// <exception cref="MailboxTokenUnavailableException">The provider could not be reached or failed; try later.</exception>
    public Task<OAuthTokens> RefreshAsync(string provider, string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync(Provider(provider), new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    public async Task RevokeAsync(string provider, string token, CancellationToken cancellationToken)
    {
        var p = Provider(provider);
        if ((await EndpointsAsync(p, cancellationToken)).Revocation is not { } revocation)
        {
            return;
        }

        using var response = await PostAsync(p, revocation, new() { ["token"] = token }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Revoking a token at OAuth provider {Provider} answered {Status}", p.Name, (int)response.StatusCode);
        }
    }

    private OAuthProvider Provider(string name) =>
        options.Value.Providers.TryGetValue(name, out var configured)
            ? new OAuthProvider(name, configured)
            : throw new ArgumentException($"No OAuth provider '{name}' is configured under {OAuthOptions.Section}:Providers.", nameof(name));

    private async Task<OAuthTokens> TokenAsync(OAuthProvider provider, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var endpoints = await EndpointsAsync(provider, cancellationToken);
        var issuedAt = time.GetUtcNow();
        using var response = await PostAsync(provider, endpoints.Token, form, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var tokens = await ReadAsync<TokenBody>(response, cancellationToken);
            if (tokens?.AccessToken is not { Length: > 0 } access)
            {
                throw new MailboxTokenUnavailableException($"OAuth provider {provider.Name} answered without an access token.");
            }

            // Without expires_in, an hour: what Google and Microsoft issue.
            return new OAuthTokens(access, tokens.RefreshToken, issuedAt, issuedAt + TimeSpan.FromSeconds(tokens.ExpiresIn ?? 3600))
            {
                Account = IdentityToken.AccountOf(tokens.IdToken, provider.ClientId),
            };
        }

        var error = (int)response.StatusCode is >= 400 and < 500 ? await ReadAsync<ErrorBody>(response, cancellationToken) : null;
        var said = $"{error?.Error ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            + (error?.Description is { Length: > 0 } d ? $": {d}" : "");
        if (error?.Error is { } code && GrantRefusals.Contains(code))
        {
            throw new MailboxReconnectRequiredException(said);
        }

        // A wrong client secret or a server error is the administrator's or the provider's to fix,
        // not the rep's: the grant may be good, so nothing is marked.
        logger.LogError("OAuth provider {Provider} refused a token request: {Error}", provider.Name, said);
        throw new MailboxTokenUnavailableException($"OAuth provider {provider.Name} answered {said}.");
    }

    private async Task<HttpResponseMessage> PostAsync(OAuthProvider provider, Uri endpoint, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        // client_secret_post: every provider takes it, Microsoft only that way.
        form["client_id"] = provider.ClientId;
        if (provider.ClientSecret.Length > 0)
        {
            form["client_secret"] = provider.ClientSecret;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            return await http.PostAsync(endpoint, new FormUrlEncodedContent(form), timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MailboxTokenUnavailableException($"OAuth provider {provider.Name} could not be reached: {e.Message}", e);
        }
    }

    private Task<OAuthEndpoints> EndpointsAsync(OAuthProvider provider, CancellationToken cancellationToken)
    {
        if (provider.KnownEndpoints is { } known)
        {
            return Task.FromResult(known);
        }

        var discovery = _discovered.GetOrAdd(provider.Name, _ => new Lazy<Task<OAuthEndpoints>>(() => DiscoverAsync(provider)));
        if (discovery.Value.IsFaulted)
        {
            // A provider that was down is asked again next time, not failed for good.
            _discovered.TryRemove(new(provider.Name, discovery));
        }

        return discovery.Value.WaitAsync(cancellationToken);
    }

    private async Task<OAuthEndpoints> DiscoverAsync(OAuthProvider provider)
    {
        var address = OAuthEndpoints.DiscoveryOf(provider.Issuer!);
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout);
        try
        {
            var document = await http.GetFromJsonAsync<DiscoveryBody>(address, timeout.Token)
                ?? throw new MailboxTokenUnavailableException($"The discovery document of OAuth provider {provider.Name} is empty.");
            if (document.AuthorizationEndpoint is null || document.TokenEndpoint is null)
            {
                throw new MailboxTokenUnavailableException($"The discovery document of OAuth provider {provider.Name} names no authorization or token endpoint.");
            }

            return new OAuthEndpoints(document.AuthorizationEndpoint, document.TokenEndpoint, document.RevocationEndpoint);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException)
        {
            throw new MailboxTokenUnavailableException($"The discovery document of OAuth provider {provider.Name} ({address}) could not be read: {e.Message}", e);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("id_token")] string? IdToken);

    private sealed record ErrorBody(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);

    private sealed record DiscoveryBody(
        [property: JsonPropertyName("authorization_endpoint")] Uri? AuthorizationEndpoint,
        [property: JsonPropertyName("token_endpoint")] Uri? TokenEndpoint,
        [property: JsonPropertyName("revocation_endpoint")] Uri? RevocationEndpoint);
}
