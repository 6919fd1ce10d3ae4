using System.Net;
using Digima.Tests.Support;

namespace Digima.Tests.EndToEnd.Hosting;

/// <summary>Every response, whatever answers it (a page, a redirect, a static file, an endpoint), tells the browser not to guess content types and not to send our URLs to other sites.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture app)
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/customers", HttpStatusCode.Redirect)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task Response_AnyKind_CarriesNosniffAndReferrerPolicy(string path, HttpStatusCode expected)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // HSTS belongs to Production behind TLS, never to a development server on plain HTTP.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
