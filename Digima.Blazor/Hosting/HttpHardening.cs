using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Digima.Blazor.Hosting;

/// <summary>Transport settings for running behind a TLS proxy, and the headers every response
/// carries. In Production: HSTS, a <c>Secure</c> session cookie, and a list of allowed Host
/// names (no reflecting whatever Host a client sends into redirects). Forwarded headers are
/// believed only from the proxies configured in <c>Digima:Proxy</c>; without them the client's
/// address and scheme are the connection's own.</summary>
internal static class HttpHardening
{
    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IHostEnvironment>((o, environment) =>
            {
                if (environment.IsProduction())
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                }
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment>((o, environment) =>
            {
                if (environment.IsProduction())
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                }
            });
        return services;
    }

    /// <summary>First in the pipeline: later middleware must see the client's scheme and address.</summary>
    /// <exception cref="InvalidOperationException">Production without <c>AllowedHosts</c>.</exception>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxy.KnownProxies.Length > 0 || proxy.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (app.Environment.IsProduction())
        {
            if (app.Configuration["AllowedHosts"] is not { Length: > 0 } hosts || hosts.Trim() == "*")
            {
                throw new InvalidOperationException(
                    "AllowedHosts must name the site's host names in Production (e.g. AllowedHosts=mail.example.co.jp), not '*'.");
            }

            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // OnStarting: an error page or a status-code page re-executed later still gets them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}

/// <summary><c>Digima:Proxy</c>: the reverse proxies (addresses, or networks in CIDR form) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Digima:Proxy";

    public string[] KnownProxies { get; set; } = [];
    public string[] KnownNetworks { get; set; } = [];
}
