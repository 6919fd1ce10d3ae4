using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Digima.Tests.Support;

/// <summary>A TCP relay in front of the local Postfix or Dovecot that can end every open session
/// the way a server does when it times a client out (a last line such as "421 ...", then close),
/// so kept connections can be tested against the real servers behind it, or stall what the
/// client says (a server slow to take a mail) until the test lets it through.</summary>
public sealed class ClosingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly List<(TcpClient Client, TcpClient Server)> _sessions = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _accepted;
    private volatile bool _refusing;
    private long _stalledBytes;
    private TaskCompletionSource _flowing = Flowing();

    public ClosingTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Sessions opened through the relay so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Bytes the clients sent that the relay holds back while stalled.</summary>
    public long StalledBytes => Interlocked.Read(ref _stalledBytes);

    /// <summary>From now on what clients send is held back (the server hears nothing), as a server
    /// or network that has stopped answering would look to the client.</summary>
    public void Stall()
    {
        if (_flowing.Task.IsCompleted)
        {
            Volatile.Write(ref _flowing, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>What was held back goes on to the server, and so does everything after.</summary>
    public void Resume() => _flowing.TrySetResult();

    /// <summary>From now on the server is gone: every open session is cut and every new one is
    /// closed as soon as it is accepted (as a database that stopped looks to its clients).</summary>
    public Task RefuseAsync()
    {
        _refusing = true;
        return CloseAllAsync(null);
    }

    /// <summary>The server is back: new sessions reach it again.</summary>
    public void Admit() => _refusing = false;

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
            if (_refusing)
            {
                client.Dispose();
                continue;
            }

            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            Interlocked.Increment(ref _accepted);
            lock (_sessions)
            {
                _sessions.Add((client, server));
            }

            _ = PumpAsync(client, server, holdBack: true);
            _ = PumpAsync(server, client, holdBack: false);
        }
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool holdBack)
    {
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.GetStream().ReadAsync(buffer)) > 0)
            {
                var flowing = Volatile.Read(ref _flowing).Task;
                if (holdBack && !flowing.IsCompleted)
                {
                    Interlocked.Add(ref _stalledBytes, read);
                    await flowing;
                    Interlocked.Add(ref _stalledBytes, -read);
                }

                await to.GetStream().WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // One side closed: the session is over.
        }

        from.Dispose();
        to.Dispose();
    }
}
