using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>Two app nodes on one database: the customer's open reaches node B, the rep's browser
/// is on node A.</summary>
[Collection(AppCollection.Name)]
public sealed class TwoNodeTrackingTests(AppFixture app) : IAsyncLifetime
{
    private DigimaAppFactory _nodeB = default!;

    public Task InitializeAsync()
    {
        _nodeB = new DigimaAppFactory(app.Database.ConnectionString, AppFixture.Settings.Concat(new Dictionary<string, string?>
        {
            // Node B only serves tracking fetches here: no outbox or import of its own.
            ["Digima:Outbox:Enabled"] = "false",
            ["Digima:MailImport:ScheduleEnabled"] = "false",
            ["Digima:MailImport:IdleEnabled"] = "false",
            ["Digima:MailImport:BackfillEnabled"] = "false",
        }));
        _nodeB.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _nodeB.DisposeAsync();

    /// <summary>Live updates cross the database (NOTIFY) before they reach the page: slower under load than a click.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task Open_OnNodeB_RepCircuitOnNodeANotified()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "渡辺 二台", "二台構成での開封通知");
        var page = await app.OpenSignedInAsync(sent.Rep.Email, "/customers");
        Assert.StartsWith(app.BaseUrl, page.Url, StringComparison.Ordinal);
        Assert.NotEqual(app.BaseUrl, _nodeB.BaseUrl);

        using var http = TrackingClient.Create(_nodeB.BaseUrl, TrackingFlowTests.Chrome);
        using var image = await http.GetAsync(sent.PixelPath);

        Assert.True(image.IsSuccessStatusCode);
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "「二台構成での開封通知」を開封しました" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("notification-count")).ToContainTextAsync("1", Live);
    }
}
