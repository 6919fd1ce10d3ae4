using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Digima.Tests.Support;

/// <summary>A TCP relay in front of the local Postfix or Dovecot that can end every open session
/// the way a server does when it times a client out (a last line such as "421 ...", then close),
/// so kept connections can be tested against the real servers behind it.</summary>
public sealed class ClosingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly List<(TcpClient Client, TcpClient Server)> _sessions = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _accepted;

    public ClosingTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Sessions opened through the relay so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Ends every open session from the server's side; <paramref name="lastLine"/> (CRLF
    /// added) is sent to the client first, as Postfix sends "421 4.4.2 ... timeout exceeded".</summary>
    public async Task CloseAllAsync(string? lastLine)
    {
        List<(TcpClient Client, TcpClient Server)> open;
        lock (_sessions)
        {
            open = [.. _sessions];
            _sessions.Clear();
        }

        foreach (var (client, server) in open)
        {
            // The farewell goes out while the server side is idle and still open, so the relay's
            // own pump cannot close the client under it.
            if (lastLine is not null)
            {
                try
                {
                    await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(lastLine + "\r\n"));
                }
                catch (IOException)
                {
                    // The client left already.
                }
            }

            server.Dispose();
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await CloseAllAsync(null);
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
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
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            Interlocked.Increment(ref _accepted);
            lock (_sessions)
            {
                _sessions.Add((client, server));
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // One side closed: the session is over.
        }

        from.Dispose();
        to.Dispose();
    }
}
