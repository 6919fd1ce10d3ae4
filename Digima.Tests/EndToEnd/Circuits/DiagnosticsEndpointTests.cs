using System.Net;
using System.Net.Http.Json;
using Digima.Blazor.Circuits;
using Digima.Core.Accounts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Circuits;

/// <summary>The app as `./digima bench circuits` runs it: the memory endpoint on.</summary>
public sealed class DiagnosticsAppFixture() : AppFixture(new Dictionary<string, string?>
{
    ["Digima:Diagnostics:Enabled"] = "true",
});

/// <summary>What the circuits benchmark reads its figures from: the live heap after a full
/// collection, and the circuits the node holds, following the tabs that open and close.</summary>
public sealed class DiagnosticsEndpointTests(DiagnosticsAppFixture app) : IClassFixture<DiagnosticsAppFixture>
{
    [Fact]
    public async Task Memory_DiagnosticsOn_LiveHeapAndWorkingSet()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var figures = await client.GetFromJsonAsync<DiagnosticsEndpoints.MemoryFigures>(DiagnosticsEndpoints.MemoryPath);

        Assert.NotNull(figures);
        Assert.InRange(figures.ManagedBytes, 1024 * 1024, figures.WorkingSetBytes);
        Assert.True(figures.HeapBytes > 0);
    }

    [Fact]
    public async Task Memory_TabOpenedThenLeft_CountsItsCircuitThenNot()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "回路 計測");
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        // Other tests' tabs of this fixture may still be open: count from what is there now.
        var before = await CircuitsAsync(client);

        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");
        await WaitForCircuitsAsync(client, n => n > before, "the compose tab's circuit was not counted");
        await page.GotoAsync("about:blank");

        await WaitForCircuitsAsync(client, n => n <= before, "the circuit of the tab left was still counted");
    }

    private static async Task<int> CircuitsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<DiagnosticsEndpoints.MemoryFigures>(DiagnosticsEndpoints.MemoryPath))!.Circuits;

    private static async Task WaitForCircuitsAsync(HttpClient client, Func<int, bool> expected, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!expected(await CircuitsAsync(client)))
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }
}

/// <summary>Without the setting (every real node) the memory endpoint does not exist, for a visitor
/// or a signed-in user alike: the visitor is sent to sign in, the signed-in user gets the app's own
/// 「見つかりません」 page, neither any figure.</summary>
[Collection(AppCollection.Name)]
public sealed class DiagnosticsOffTests(AppFixture app)
{
    [Fact]
    public async Task Memory_Default_NotFoundAnonymousOrSignedIn()
    {
        var manager = await app.AddUserAsync(UserRole.Manager, "既定 管理");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var page = await app.OpenSignedInAsync(manager.Email, "/");

        using var anonymous = await client.GetAsync(DiagnosticsEndpoints.MemoryPath);
        var signedIn = await page.APIRequest.GetAsync(DiagnosticsEndpoints.MemoryPath);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("text/html", signedIn.Headers["content-type"], StringComparison.Ordinal);
        Assert.DoesNotContain("managedBytes", await signedIn.TextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
