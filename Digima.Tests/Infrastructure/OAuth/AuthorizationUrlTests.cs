using System.Security.Cryptography;
using System.Text;
using Digima.Infrastructure.OAuth;
using Microsoft.AspNetCore.WebUtilities;

namespace Digima.Tests.Infrastructure.OAuth;

public sealed class AuthorizationUrlTests
{
    [Fact]
    public void Challenge_RfcExampleVerifier_IsBase64UrlSha256WithoutPadding()
    {
        // RFC 7636 appendix B.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void NewVerifier_Fresh_43UrlSafeCharactersEachTime()
    {
        var a = Pkce.NewVerifier();

        Assert.Equal(43, a.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
        Assert.NotEqual(a, Pkce.NewVerifier());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(a))).TrimEnd('=').Replace('+', '-').Replace('/', '_'), Pkce.Challenge(a));
    }

    [Fact]
    public void Build_EndpointWithQuery_CodeFlowWithS256ChallengeStateScopesAndExtras()
    {
        var url = AuthorizationUrl.Build(
            new Uri("https://login.example.com/authorize?tenant=a"), "client-1", new Uri("http://127.0.0.1:5080/mailboxes/oauth/callback"),
            ["https://mail.google.com/", "offline_access"], "st&ate", "verifier-verifier-verifier-verifier-verifi", "rep@example.com",
            [new("access_type", "offline")]);

        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("https://login.example.com/authorize", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("a", query["tenant"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("client-1", query["client_id"]);
        Assert.Equal("http://127.0.0.1:5080/mailboxes/oauth/callback", query["redirect_uri"]);
        Assert.Equal("https://mail.google.com/ offline_access", query["scope"]);
        Assert.Equal("st&ate", query["state"]);
        Assert.Equal(Pkce.Challenge("verifier-verifier-verifier-verifier-verifi"), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("rep@example.com", query["login_hint"]);
        Assert.Equal("offline", query["access_type"]);
    }
}
