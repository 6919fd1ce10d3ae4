using System.Net;
using System.Text.Json;
using Digima.Tests.Support;
using Npgsql;

namespace Digima.Tests.EndToEnd.Telemetry;

/// <summary>The probes of a load balancer against a real node whose PostgreSQL goes away and comes
/// back. The node reaches its database through a relay the test can cut, so the shared test
/// PostgreSQL that other tests use keeps running.</summary>
public sealed class HealthProbeTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ClosingTcpProxy _proxy = default!;
    private DigimaAppFactory _app = default!;
    private HttpClient _http = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("health");
        _proxy = new ClosingTcpProxy(new NpgsqlConnectionStringBuilder(_database.ConnectionString).Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString)
        {
            Host = "127.0.0.1", Port = _proxy.Port, Timeout = 3, CommandTimeout = 5,
        };
        _app = new DigimaAppFactory(throughProxy.ConnectionString, new Dictionary<string, string?>
        {
            // The bus listener comes back within a second of the database, not after its 30 s backoff.
            ["Digima:LiveUpdates:ReconnectMinDelay"] = "00:00:00.200",
            ["Digima:LiveUpdates:ReconnectMaxDelay"] = "00:00:01",
            ["Digima:Health:CheckTimeout"] = "00:00:03",
        });
        _app.Start();
        _http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Ready_DatabaseStopsAndReturns_UnreadyThenReadyWhileLiveStaysUp()
    {
        var ready = await WaitForAsync("/healthz/ready", HttpStatusCode.OK);
        Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
        foreach (var check in new[] { "database", "live-events", "scheduler", "mail-import" })
        {
            Assert.Equal("Healthy", ready.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }

        await _proxy.RefuseAsync();

        var down = await WaitForAsync("/healthz/ready", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", down.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync("/healthz")).StatusCode);
        using (var live = await _http.GetAsync("/healthz/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        _proxy.Admit();

        var back = await WaitForAsync("/healthz/ready", HttpStatusCode.OK);
        Assert.Equal("Healthy", back.RootElement.GetProperty("checks").GetProperty("live-events").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>Asks until the probe answers <paramref name="expected"/> (a probe's own pace: the
    /// bus reconnects and the pool notices the outage on their own time).</summary>
    private async Task<JsonDocument> WaitForAsync(string path, HttpStatusCode expected)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode last;
        string body;
        do
        {
            using var response = await _http.GetAsync(path);
            last = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
            if (last == expected)
            {
                return JsonDocument.Parse(body);
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < until);

        Assert.Fail($"{path} answered {last} ({body}) instead of {expected} for 60 s.");
        throw new InvalidOperationException();
    }
}
