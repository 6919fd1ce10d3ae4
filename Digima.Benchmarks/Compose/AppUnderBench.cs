using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Digima.Benchmarks.Compose;

/// <summary>The real app (Digima.Blazor.dll, Release) as a child process over the benchmark's
/// database, so its memory is its own and can be read from /proc while a browser works on it.</summary>
internal sealed class AppUnderBench : IAsyncDisposable
{
    private readonly Process _process;

    private AppUnderBench(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<AppUnderBench> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var dll = AppDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Digima"] = connectionString;
        start.Environment["Digima__Seed__Demo"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine("app: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderBench(process, $"http://127.0.0.1:{port}");
        await app.WaitReadyAsync();
        return app;
    }

    /// <summary>Resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes() => ProcStatus("VmRSS:");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private long ProcStatus(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException(field + " not in /proc status");
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting, slow to answer.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app did not answer /healthz within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app's Release build output (built with the benchmark: see the project file).</summary>
    private static string AppDll()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Digima.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Digima.sln not found above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(root, "Digima.Blazor", "bin", "Release", "net10.0", "Digima.Blazor.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException("Build Digima.Blazor (Release) first: " + dll);
    }
}
