namespace Digima.DevOAuth;

/// <summary><c>DevOAuth</c>: the development authorization server. Everything here is for
/// development and tests on 127.0.0.1; nothing is a secret.</summary>
public sealed class DevOAuthOptions
{
    public const string Section = "DevOAuth";

    /// <summary>The shared password every mail login signs in with, as on the local Dovecot,
    /// so a token's subject is always a login Dovecot also knows.</summary>
    public string Password { get; set; } = "digima-demo";

    /// <summary>How long an access token is valid (tests run the server with one minute).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The SQLite file holding clients, authorizations and tokens; it is made afresh at
    /// every start (./digima puts it in the data folder).</summary>
    public string StorePath { get; set; } = Path.Combine(Path.GetTempPath(), "digima-dev-oauth.db");

    /// <summary>Applications that sign reps in (authorization code + PKCE, refresh tokens).</summary>
    public List<DevOAuthClient> Clients { get; set; } = [];

    /// <summary>Servers that only introspect tokens (the local Dovecot). Every access token names
    /// them as its audience, which is what lets them introspect it.</summary>
    public List<DevOAuthResourceServer> ResourceServers { get; set; } = [];

    internal static bool IsValid(DevOAuthOptions o) =>
        !string.IsNullOrEmpty(o.Password)
        && !string.IsNullOrEmpty(o.StorePath)
        && o.AccessTokenLifetime > TimeSpan.Zero
        && o.RefreshTokenLifetime > TimeSpan.Zero
        && o.Clients.All(c => !string.IsNullOrEmpty(c.ClientId) && !string.IsNullOrEmpty(c.ClientSecret) && c.RedirectUris.Count > 0)
        && o.ResourceServers.All(r => !string.IsNullOrEmpty(r.ClientId) && !string.IsNullOrEmpty(r.ClientSecret));
}

public sealed class DevOAuthClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Overrides <see cref="DevOAuthOptions.AccessTokenLifetime"/> for this client, so a
    /// test can watch a token expire without waiting for the server-wide lifetime.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }
}

public sealed class DevOAuthResourceServer
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";
}
