using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Digima.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>Drives the development OAuth server as a client application does: the sign-in and
/// consent form, then the token endpoint with the PKCE verifier. The clients are the ones
/// Digima.DevOAuth/appsettings.json registers.</summary>
internal sealed class DevOAuthClient : IDisposable
{
    public const string TestClient = "digima-tests";

    /// <summary>Same as <see cref="TestClient"/>, but its access tokens live 15 seconds.</summary>
    public const string ShortLivedClient = "digima-tests-short-lived";

    private const string ClientSecret = "digima-tests-secret";
    private const string RedirectUri = "http://127.0.0.1/oauth/callback";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = TestEnvironment.OAuthUrl,
    };

    private readonly string _clientId;

    public DevOAuthClient(string clientId = TestClient) => _clientId = clientId;

    public HttpClient Http => _http;

    public static string NewLogin() => $"oauth.{Guid.NewGuid():N}"[..20] + "@digima.test";

    /// <summary>The whole authorization code + PKCE flow for LOGIN.</summary>
    public async Task<TokenResponse> SignInAsync(string login)
    {
        var verifier = NewVerifier();
        var code = await AuthorizeAsync(login, verifier);
        using var response = await ExchangeCodeAsync(code, verifier);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    /// <summary>Posts the sign-in and consent form with "allow" and returns the code from the
    /// redirect back to the client.</summary>
    public async Task<string> AuthorizeAsync(string login, string verifier, string password = TestEnvironment.MailPassword)
    {
        using var response = await PostAuthorizeAsync(login, password, verifier, "allow");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        return query["code"].Single()!;
    }

    public Task<HttpResponseMessage> PostAuthorizeAsync(string login, string password, string verifier, string decision) =>
        _http.PostAsync("connect/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "mail offline_access",
            ["code_challenge"] = Challenge(verifier),
            ["code_challenge_method"] = "S256",
            ["state"] = "state-1",
            ["login"] = login,
            ["password"] = password,
            ["decision"] = decision,
        }));

    public Task<HttpResponseMessage> ExchangeCodeAsync(string code, string verifier) =>
        PostAsClientAsync("connect/token", new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        });

    public async Task<TokenResponse> RefreshAsync(string refreshToken)
    {
        using var response = await PostAsClientAsync("connect/token", new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    public async Task RevokeAsync(string token, string tokenTypeHint = "access_token")
    {
        using var response = await PostAsClientAsync("connect/revoke", new()
        {
            ["token"] = token,
            ["token_type_hint"] = tokenTypeHint,
        });
        response.EnsureSuccessStatusCode();
    }

    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> PostAsClientAsync(string path, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_clientId}:{ClientSecret}")));
        return await _http.SendAsync(request);
    }

    private static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
