using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digima.Tests.Support;

/// <summary>Runs the start-up checks of the options that <c>register</c> adds, with one setting
/// changed, as the app does before it serves anything; no server is touched.</summary>
public static class StartupSettings
{
    /// <summary>The validation failure, or null when the settings start.</summary>
    public static Exception? Check(Action<IServiceCollection, IConfiguration> register, string? key = null, string? value = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Digima"] = "Host=127.0.0.1;Database=unused" };
        if (key is not null)
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        register(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        // An OptionsValidationException, or several in an AggregateException when a library
        // checks the same value too (Quartz refuses an empty scheduler name as well).
        return Record.Exception(services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate);
    }
}
