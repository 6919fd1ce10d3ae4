namespace Digima.Infrastructure.OAuth;

/// <summary>Where a provider authorizes, issues and revokes tokens.</summary>
/// <param name="Revocation">Null when the provider has none (Microsoft): disconnecting then only forgets the tokens.</param>
internal sealed record OAuthEndpoints(Uri Authorization, Uri Token, Uri? Revocation)
{
    public static readonly OAuthEndpoints Google = new(
        new Uri("https://accounts.google.com/o/oauth2/v2/auth"),
        new Uri("https://oauth2.googleapis.com/token"),
        new Uri("https://oauth2.googleapis.com/revoke"));

    public static OAuthEndpoints Microsoft(string tenant) => new(
        new Uri($"https://login.microsoftonline.com/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/authorize"),
        new Uri($"https://login.microsoftonline.com/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token"),
        null);

    /// <summary>The discovery document's address: RFC 8414 and OpenID Connect Discovery put it under the issuer's path.</summary>
    public static Uri DiscoveryOf(Uri issuer) =>
        new(issuer.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
}
