using System.Net;
using System.Net.Sockets;
using System.Text;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>A loopback relay in front of the test Dovecot that records the commands clients send
/// and can drop every connection, as a server restart or a broken network does: the client sees
/// the connection closed on its next read.</summary>
internal sealed class ImapRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Client, TcpClient Server)> _open = [];
    private readonly List<string> _commands = [];
    private readonly Task _accepting;
    private Func<string, bool>? _cutBefore;
    private int _connections;

    public ImapRelay()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far (one per login).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The commands sent so far, tag removed, in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void ClearCommands()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    /// <summary>Drops every connection now.</summary>
    public void CutAll()
    {
        lock (_open)
        {
            foreach (var (client, server) in _open)
            {
                client.Client.Close(0);
                server.Close();
            }

            _open.Clear();
        }
    }

    /// <summary>Drops every connection when a command matching this arrives, instead of passing it on (once).</summary>
    public void CutBefore(Func<string, bool> command) => _cutBefore = command;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, _stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_open)
            {
                _open.Add((client, server));
            }

            _ = PipeAsync(server.GetStream(), client.GetStream(), null);
            _ = PipeAsync(client.GetStream(), server.GetStream(), RecordLine);
        }
    }

    /// <summary>Records a client line; false when the connection is to be dropped before it.</summary>
    private bool RecordLine(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? line : line[(space + 1)..];
        if (_cutBefore is { } cut && cut(command))
        {
            _cutBefore = null;
            CutAll();
            return false;
        }

        lock (_commands)
        {
            _commands.Add(command);
        }

        return true;
    }

    private static async Task PipeAsync(NetworkStream from, NetworkStream to, Func<string, bool>? onLine)
    {
        var buffer = new byte[65536];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                if (onLine is not null)
                {
                    // Commands are short ASCII lines (literals aside, which this import never sends).
                    line.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    var text = line.ToString();
                    var end = text.LastIndexOf("\r\n", StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        line.Clear().Append(text[(end + 2)..]);
                        foreach (var complete in text[..end].Split("\r\n"))
                        {
                            if (!onLine(complete))
                            {
                                return;
                            }
                        }
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // Cut, or the other side closed.
        }
        finally
        {
            to.Socket.Close(0);
            from.Socket.Close(0);
        }
    }
}
