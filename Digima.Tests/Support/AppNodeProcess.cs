using System.Diagnostics;
using System.Text;

namespace Digima.Tests.Support;

/// <summary>The real app (Digima.Blazor.dll from its build output) as a child process: one node of
/// a cluster over a test database, configured through environment variables as in production,
/// so a test can kill it for real.</summary>
public sealed class AppNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppNodeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppNodeProcess Start(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [AppDll()])
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Digima"] = connectionString;
        start.Environment["Digima__Seed__Demo"] = "false";
        // Every node of the cluster reads the key ring with the same certificate.
        start.Environment["Digima__DataProtection__CertificatePath"] = TestEnvironment.KeyRingCertificatePath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new AppNodeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>A real kill (SIGKILL): no shutdown hook, no finally, nothing finished.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The app's build output next to the tests' (same configuration).</summary>
    private static string AppDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = RepositoryPaths.Of("Digima.Blazor", "bin", configuration, "net10.0", "Digima.Blazor.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException("Build Digima.Blazor first: " + dll);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
