using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Digima.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>The development OAuth server's own rules, at its real endpoints.</summary>
public sealed class DevOAuthServerTests : IDisposable
{
    private readonly DevOAuthClient _oauth = new();
    private readonly string _login = DevOAuthClient.NewLogin();

    public void Dispose() => _oauth.Dispose();

    [Fact]
    public async Task Discovery_Published_NamesEveryEndpointAndS256()
    {
        using var document = JsonDocument.Parse(await _oauth.Http.GetStringAsync(".well-known/openid-configuration"));
        var root = document.RootElement;

        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "revocation_endpoint", "introspection_endpoint" })
        {
            Assert.StartsWith(TestEnvironment.OAuthUrl.ToString(), root.GetProperty(endpoint).GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("S256", root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task SignIn_TestProfile_AccessTokenLivesOneMinute()
    {
        var tokens = await _oauth.SignInAsync(_login);

        // expires_in is rounded down from the remaining time.
        Assert.InRange(tokens.ExpiresIn, 55, 60);
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task ExchangeCode_WrongVerifier_Refused()
    {
        var code = await _oauth.AuthorizeAsync(_login, DevOAuthClient.NewVerifier());

        using var response = await _oauth.ExchangeCodeAsync(code, DevOAuthClient.NewVerifier());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(response));
    }

    [Fact]
    public async Task ExchangeCode_CodeUsedTwice_SecondRefusedAndFirstTokensRevoked()
    {
        var verifier = DevOAuthClient.NewVerifier();
        var code = await _oauth.AuthorizeAsync(_login, verifier);
        using var first = await _oauth.ExchangeCodeAsync(code, verifier);
        var tokens = (await first.Content.ReadFromJsonAsync<TokenResponse>())!;

        using var second = await _oauth.ExchangeCodeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(second));
        // A replayed code may mean it was stolen: the tokens it gave are withdrawn as well.
        Assert.False(await IsActiveAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task Authorize_WrongPassword_ShowsPageAgainWithoutCode()
    {
        using var response = await _oauth.PostAuthorizeAsync(_login, "wrong-password", DevOAuthClient.NewVerifier(), "allow");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ログイン名またはパスワードが違います", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_Denied_RedirectsWithAccessDenied()
    {
        using var response = await _oauth.PostAuthorizeAsync(_login, TestEnvironment.MailPassword, DevOAuthClient.NewVerifier(), "deny");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("access_denied", query["error"].Single());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Introspect_ActiveThenRevoked_ReportsSubjectThenInactive()
    {
        var tokens = await _oauth.SignInAsync(_login);
        Assert.True(await IsActiveAsync(tokens.AccessToken));

        await _oauth.RevokeAsync(tokens.AccessToken);

        Assert.False(await IsActiveAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task Refresh_RevokedRefreshToken_Refused()
    {
        var tokens = await _oauth.SignInAsync(_login);
        await _oauth.RevokeAsync(tokens.RefreshToken!, "refresh_token");

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => _oauth.RefreshAsync(tokens.RefreshToken!));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    /// <summary>Asks the introspection endpoint as Dovecot does (the "dovecot" resource server).</summary>
    private async Task<bool> IsActiveAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/introspect")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("dovecot:dovecot-introspection")));
        using var response = await _oauth.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var active = document.RootElement.GetProperty("active").GetBoolean();
        if (active)
        {
            Assert.Equal(_login, document.RootElement.GetProperty("username").GetString());
        }

        return active;
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetString();
    }
}
