using System.Net;
using Digima.Tests.Support;

namespace Digima.Tests.EndToEnd.Hosting;

/// <summary>The app started as in Production behind a TLS proxy: HSTS and secure cookies when the
/// configured proxy says the client used HTTPS, unknown Host names refused, and no start at all
/// without the key ring certificate or the list of allowed hosts.</summary>
public sealed class ProductionHostingTests
{
    private const string Host = "mail.digima.test";

    [Fact]
    public async Task Production_BehindConfiguredProxy_HstsSecureCookiesAndAllowedHostsOnly()
    {
        await using var database = await TestDatabase.CreateAsync("prod");
        await using var app = new DigimaAppFactory(database.ConnectionString, Production(new()
        {
            ["AllowedHosts"] = Host,
            ["Digima:Proxy:KnownProxies:0"] = "127.0.0.1",
            ["Digima:Proxy:KnownProxies:1"] = "::1",
        }));
        app.Start();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var viaProxy = await client.SendAsync(Request("/account/login", Host, forwardedProto: "https"));
        using var wrongHost = await client.SendAsync(Request("/account/login", "evil.example", forwardedProto: "https"));
        using var redirect = await client.SendAsync(Request("/customers", Host, forwardedProto: "https"));

        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(viaProxy.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(viaProxy.Headers.GetValues("X-Content-Type-Options")));
        Assert.All(viaProxy.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, wrongHost.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"https://{Host}/account/login", redirect.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Production_WithoutKeyRingCertificate_RefusesToStart()
    {
        await using var database = await TestDatabase.CreateAsync("prodnokey");
        await using var app = new DigimaAppFactory(database.ConnectionString, Production(new()
        {
            ["AllowedHosts"] = Host,
            ["Digima:DataProtection:CertificatePath"] = "",
        }));

        var refused = Assert.ThrowsAny<Exception>(app.Start);

        Assert.Contains("CertificatePath is required in Production", Messages(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutAllowedHosts_RefusesToStart()
    {
        await using var database = await TestDatabase.CreateAsync("prodnohosts");
        await using var app = new DigimaAppFactory(database.ConnectionString, Production(new() { ["AllowedHosts"] = "*" }));

        var refused = Assert.ThrowsAny<Exception>(app.Start);

        Assert.Contains("AllowedHosts must name the site's host names in Production", Messages(refused), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Production(Dictionary<string, string?> settings)
    {
        settings["environment"] = "Production";
        return settings;
    }

    private static HttpRequestMessage Request(string path, string host, string forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Messages(e.InnerException);
}
