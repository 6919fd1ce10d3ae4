using Digima.Core;
using Digima.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Benchmarks;

/// <summary>The app's own services over a benchmark's database, wired as the app wires them, and
/// the one progress line format every benchmark prints.</summary>
internal static class BenchServices
{
    /// <param name="settings">Configuration beyond the connection string (a benchmark's departures
    /// from the app's defaults, each with its reason at the call).</param>
    /// <param name="more">Registrations a benchmark adds on top of the app's.</param>
    public static ServiceProvider Build(
        string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Digima"] = connectionString,
            // The key ring certificate `./digima bench` made for this run: every provider built
            // here encrypts and reads the key ring as the app does.
            ["Digima:DataProtection:CertificatePath"] = Environment.GetEnvironmentVariable("Digima__DataProtection__CertificatePath"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddCore();
        services.AddInfrastructure(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
