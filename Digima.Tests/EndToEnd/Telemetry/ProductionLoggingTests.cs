using System.Net;
using Digima.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Digima.Tests.EndToEnd.Telemetry;

/// <summary>Production logs are JSON with their scopes (the mail, user and mailbox ids); other
/// environments keep the readable console. Without an OTLP endpoint nothing is exported.</summary>
public sealed class ProductionLoggingTests
{
    [Fact]
    public async Task Production_ConsoleLogsAreJsonWithScopes_AndProbesAnswer()
    {
        await using var database = await TestDatabase.CreateAsync("prodlog");
        await using var app = new DigimaAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["AllowedHosts"] = "127.0.0.1",
        });
        app.Start();

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        Assert.Null(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        // The Prometheus switch is off: no scrape endpoint (the path is a page like any other).
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Development_ConsoleLogsStayReadable()
    {
        await using var database = await TestDatabase.CreateAsync("devlog");
        await using var app = new DigimaAppFactory(database.ConnectionString);
        app.Start();

        Assert.NotEqual(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
