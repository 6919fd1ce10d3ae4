using System.Diagnostics;
using System.Net.Http.Json;

namespace Digima.Benchmarks.Circuits;

/// <summary>Reads the app's memory through its bench-only <c>/diagnostics/memory</c> (a full,
/// compacting collection inside the app first, so the figure is what is live, not garbage).</summary>
internal sealed class MemoryProbe(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>The server's answer (names as the app's DiagnosticsEndpoints.MemoryFigures).</summary>
    public sealed record Figures(long ManagedBytes, long HeapBytes, long WorkingSetBytes, long PrivateBytes, int Circuits, int ConnectedCircuits);

    public async Task<Figures> ReadAsync() =>
        await _http.GetFromJsonAsync<Figures>("/diagnostics/memory") ?? throw new InvalidOperationException("no memory figures");

    /// <summary>Once exactly <paramref name="circuits"/> circuits are open (tabs just opened or
    /// closed take a moment to reach the server), the lowest of three readings: a collection can
    /// find a render or a search still in flight, which the next one no longer sees.</summary>
    public async Task<Figures> SettledAsync(int circuits)
    {
        var waited = Stopwatch.StartNew();
        var figures = await ReadAsync();
        while (figures.Circuits != circuits || figures.ConnectedCircuits != circuits)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{figures.Circuits} circuits ({figures.ConnectedCircuits} connected) after 2 min, expected {circuits}");
            }

            await Task.Delay(500);
            figures = await ReadAsync();
        }

        await Task.Delay(1000);
        var readings = new List<Figures> { await ReadAsync(), await ReadAsync(), await ReadAsync() };
        return readings.MinBy(r => r.ManagedBytes)!;
    }

    public void Dispose() => _http.Dispose();
}
