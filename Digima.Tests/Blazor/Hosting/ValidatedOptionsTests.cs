using Digima.Blazor;
using Digima.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Digima.Tests.Blazor.Hosting;

/// <summary>The web app's own sections name the bad key at start-up too.</summary>
public sealed class ValidatedOptionsTests
{
    [Fact]
    public void Start_Defaults_Pass() => Assert.Null(StartupSettings.Check(Register));

    [Theory]
    [InlineData("Digima:Sessions:RevalidationInterval", "00:01:01")]
    [InlineData("Digima:Sessions:RevalidationInterval", "00:00:00")]
    [InlineData("Digima:SignIn:RateLimit:PermitLimit", "0")]
    [InlineData("Digima:SignIn:RateLimit:Window", "00:00:00")]
    public void Start_BadSetting_FailsNamingItsKey(string key, string value)
    {
        var failure = StartupSettings.Check(Register, key, value);

        Assert.NotNull(failure);
        Assert.Contains(key + " must", failure.Message, StringComparison.Ordinal);
    }

    // The host gives its environment to the app (Digima:Diagnostics is refused in Production).
    private static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "Digima.Blazor" });
        services.AddDigima(configuration);
    }
}
