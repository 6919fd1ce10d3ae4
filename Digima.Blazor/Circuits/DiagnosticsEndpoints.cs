using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Digima.Blazor.Circuits;

/// <summary>What a circuit costs, measured from inside the app: <c>GET /diagnostics/memory</c>
/// collects all garbage (blocking, compacting) and returns the live managed heap, the process's
/// working set and the circuits open, so a benchmark's memory slope counts what circuits keep and
/// not garbage that resident memory still holds. Mapped only with <see cref="DiagnosticsOptions.Enabled"/>
/// (refused in Production), and answers only local clients.</summary>
internal static class DiagnosticsEndpoints
{
    public const string MemoryPath = "/diagnostics/memory";

    /// <summary>What <see cref="MemoryPath"/> returns.</summary>
    public sealed record MemoryFigures(long ManagedBytes, long HeapBytes, long WorkingSetBytes, long PrivateBytes, int Circuits, int ConnectedCircuits);

    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>();
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.Section)).ValidateOnStart();
        if (configuration.GetSection(DiagnosticsOptions.Section).Get<DiagnosticsOptions>()?.Enabled == true)
        {
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(provider => provider.GetRequiredService<CircuitCounter>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet(MemoryPath, (HttpContext context, CircuitCounter circuits) =>
        {
            if (context.Connection.RemoteIpAddress is not { } client || !IPAddress.IsLoopback(client))
            {
                return Results.NotFound();
            }

            // Twice: finalizers run by the first collection free more for the second. The large
            // object heap is compacted too, or its free gaps would count as memory in use.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new MemoryFigures(
                GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes,
                process.WorkingSet64, process.PrivateMemorySize64, circuits.Open, circuits.Connected));
        }).AllowAnonymous();
        return endpoints;
    }
}
