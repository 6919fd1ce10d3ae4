using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digima.Tests.Support;

/// <summary>The real resource-backed localizer for validator unit tests, in Japanese (the
/// product's default language) unless a test switches the culture.</summary>
public static class TestLocalizer
{
    public static IStringLocalizer<T> For<T>()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("ja");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new StringLocalizer<T>(factory);
    }
}
