using Digima.Blazor.Circuits;
using Digima.Tests.Support;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digima.Tests.EndToEnd.Circuits;

/// <summary>The node's circuit limits come from <c>Digima:Circuits</c>; a value that would break
/// compose, or the bench-only diagnostics in Production, stop the start.</summary>
public sealed class CircuitLimitsTests
{
    [Fact]
    public async Task Start_LimitsConfigured_CircuitsAndHubUseThem()
    {
        await using var database = await TestDatabase.CreateAsync("circuitlimits");
        await using var app = new DigimaAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Digima:Circuits:DisconnectedMaxRetained"] = "37",
            ["Digima:Circuits:MaxBufferedRenderBatches"] = "4",
            ["Digima:Circuits:MaximumReceiveMessageSize"] = "2000000",
        });
        app.Start();

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal(37, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(4, circuits.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(2_000_000, ComponentHubOptions(app.Services).MaximumReceiveMessageSize);
    }

    [Fact]
    public async Task Start_Defaults_ReceiveSizeHoldsALongBody()
    {
        await using var database = await TestDatabase.CreateAsync("circuitdefaults");
        await using var app = new DigimaAppFactory(database.ConnectionString);
        app.Start();

        Assert.Equal(CircuitLimits.MinimumReceiveMessageSize, ComponentHubOptions(app.Services).MaximumReceiveMessageSize);
        Assert.Equal(new CircuitLimits().DisconnectedMaxRetained, app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitMaxRetained);
    }

    [Fact]
    public async Task Start_ReceiveSizeBelowALongBody_RefusesToStart()
    {
        await using var database = await TestDatabase.CreateAsync("circuitsmall");
        await using var app = new DigimaAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Digima:Circuits:MaximumReceiveMessageSize"] = "32768",
        });

        var refused = Assert.ThrowsAny<Exception>(app.Start);

        Assert.Contains("Digima:Circuits:MaximumReceiveMessageSize must be at least", Messages(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_DiagnosticsOn_RefusesToStart()
    {
        await using var database = await TestDatabase.CreateAsync("proddiag");
        await using var app = new DigimaAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["AllowedHosts"] = "mail.digima.test",
            ["Digima:Diagnostics:Enabled"] = "true",
        });

        var refused = Assert.ThrowsAny<Exception>(app.Start);

        Assert.Contains("Digima:Diagnostics:Enabled must not be set in Production", Messages(refused), StringComparison.Ordinal);
    }

    /// <summary>The options of Blazor's own hub (an internal type), as SignalR reads them.</summary>
    private static HubOptions ComponentHubOptions(IServiceProvider services)
    {
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        return (HubOptions)options.GetType().GetProperty("Value")!.GetValue(options)!;
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Messages(e.InnerException);
}
