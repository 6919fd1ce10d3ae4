using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Digima.Tests.Support;

/// <summary>nginx in front of app nodes, configured by the files production uses: ops/nginx/digima.conf
/// (the site) inside ops/nginx/nginx.conf (our own process, its files in one folder), rendered into
/// a temporary folder and run in the foreground as a child process.</summary>
public sealed partial class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private NginxProcess(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    /// <summary>Starts nginx on <paramref name="port"/> with the two nodes as its upstream and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">nginx stopped or did not listen within 20 s (its error log attached).</exception>
    public static async Task<NginxProcess> StartAsync(int port, int nodeAPort, int nodeBPort)
    {
        // Under /tmp: when run as root, nginx's workers are `nobody` and must reach their temporary files.
        var dir = Path.Combine(Path.GetTempPath(), "digima-nginx-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(dir, "tmp"));
        var values = new Dictionary<string, string>
        {
            ["NGINX_DIR"] = dir,
            ["LISTEN"] = $"127.0.0.1:{port}",
            ["NODE_A"] = $"127.0.0.1:{nodeAPort}",
            ["NODE_B"] = $"127.0.0.1:{nodeBPort}",
        };
        await File.WriteAllTextAsync(Path.Combine(dir, "nginx.conf"), Render("nginx.conf", values));
        await File.WriteAllTextAsync(Path.Combine(dir, "digima.conf"), Render("digima.conf", values));
        var start = new ProcessStartInfo("nginx", ["-p", dir, "-e", Path.Combine(dir, "error.log"), "-c", Path.Combine(dir, "nginx.conf"), "-g", "daemon off;"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var nginx = new NginxProcess(Process.Start(start) ?? throw new InvalidOperationException("nginx did not start"), dir, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await ListensAsync(port))
        {
            if (nginx._process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = nginx.ErrorLog;
                await nginx.DisposeAsync();
                throw new InvalidOperationException("nginx did not start:\n" + log);
            }

            await Task.Delay(100);
        }

        return nginx;
    }

    /// <summary>The site file with its placeholders filled, as `./digima cluster` renders it.</summary>
    public static string Render(string file, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(RepositoryPaths.Of("ops", "nginx", file));
        foreach (var (name, value) in values)
        {
            text = text.Replace($"@{name}@", value, StringComparison.Ordinal);
        }

        return Placeholder().Match(text) is { Success: true } left
            ? throw new InvalidOperationException($"ops/nginx/{file}: {left.Value} has no value")
            : text;
    }

    /// <summary>The port of the node that served the latest logged request whose path starts with
    /// <paramref name="pathPrefix"/> (the last one nginx tried, when it moved on from a dead one).</summary>
    public int? LastUpstreamPort(string pathPrefix)
    {
        var path = Path.Combine(_dir, "access.log");
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        foreach (var line in lines.Reverse())
        {
            var match = UpstreamLine().Match(line);
            if (match.Success && match.Groups["path"].Value.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                return int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    public string AccessLog => File.Exists(Path.Combine(_dir, "access.log")) ? File.ReadAllText(Path.Combine(_dir, "access.log")) : "";

    public string ErrorLog => File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The workers too: a worker outliving its master would keep serving the port.
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex("@[A-Z][A-Z0-9_]*@")]
    private static partial Regex Placeholder();

    // log_format digima: ... "$request" ... upstream=$upstream_addr (several, comma-separated, when nginx moved on).
    [GeneratedRegex("\"[A-Z]+ (?<path>\\S+) [^\"]*\".* upstream=(?:\\S+, )*[^\\s,]+:(?<port>\\d+) ")]
    private static partial Regex UpstreamLine();
}
