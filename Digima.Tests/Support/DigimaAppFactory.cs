using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Support;

/// <summary>The real app (Program) on a real Kestrel port over its own test database, so a real
/// browser can use it. Seeding is off: tests create the data they need. <paramref name="settings"/>
/// come last and win (even "environment").</summary>
public sealed class DigimaAppFactory(string connectionString, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    : WebApplicationFactory<Program>
{
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Digima", connectionString);
        builder.UseSetting("Digima:Seed:Demo", "false");
        builder.UseSetting("Digima:DataProtection:CertificatePath", TestEnvironment.KeyRingCertificatePath);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Circuits of closed test browsers end quickly rather than waiting minutes for a reconnect.
        builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(
            o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(10)));
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }
    }
}
