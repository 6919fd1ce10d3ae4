using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Digima.Benchmarks.Import;

/// <summary>A loopback TCP relay in front of Dovecot that records the IMAP commands clients send.
/// The engine builds its ImapClient itself (no protocol logger can be injected), so the mailbox
/// is pointed at this relay for the syncs whose commands are counted (one on a new connection,
/// then some on the connection it keeps). Plain text only
/// (security None), which is what the bench servers speak.</summary>
internal sealed partial class ImapCommandCounter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private readonly List<string> _commands = [];
    private Task? _accepting;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Commands of all connections so far (tag removed, arguments cut), in order.</summary>
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

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    /// <summary>The commands after LOGIN/AUTHENTICATE (what the goal counts).</summary>
    public static IReadOnlyList<string> AfterLogin(IReadOnlyList<string> commands)
    {
        var login = commands.ToList().FindIndex(c => c.StartsWith("LOGIN", StringComparison.Ordinal) || c.StartsWith("AUTHENTICATE", StringComparison.Ordinal));
        return login < 0 ? commands : commands.Skip(login + 1).ToList();
    }

    /// <summary>Splits the commands after login into those MailKit's ImapClient sends by itself
    /// inside AuthenticateAsync (CAPABILITY when the login answer had none, NAMESPACE or LIST "" "",
    /// LIST "" "INBOX", LIST (SPECIAL-USE) "" "*" or XLIST: MailKit 4.18 issues them on every
    /// login, with no option to skip them) and those the engine sends (everything from its first
    /// own command on).</summary>
    public static (IReadOnlyList<string> Library, IReadOnlyList<string> Engine) SplitAfterLogin(IReadOnlyList<string> afterLogin)
    {
        var library = afterLogin.TakeWhile(IsLibraryPostLogin).ToList();
        return (library, afterLogin.Skip(library.Count).ToList());
    }

    private static bool IsLibraryPostLogin(string command) =>
        command is "CAPABILITY" or "NAMESPACE" or "LIST \"\" \"\"" or "LIST \"\" \"INBOX\"" or "XLIST \"\""
        || command.StartsWith("LIST \"\" \"INBOX\" ", StringComparison.Ordinal)
        || command.StartsWith("LIST (SPECIAL-USE) \"\" \"*\"", StringComparison.Ordinal);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _relays.Add(RelayAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.ImapPort);
            var up = PumpAsync(client.GetStream(), server.GetStream(), record: true);
            var down = PumpAsync(server.GetStream(), client.GetStream(), record: false);
            await Task.WhenAny(up, down);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool record)
    {
        var buffer = new byte[16384];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                if (record)
                {
                    Record(line, Encoding.Latin1.GetString(buffer, 0, read));
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side closed.
        }
    }

    private void Record(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            if (c != '\n')
            {
                line.Append(c);
                continue;
            }

            // A tagged command line ("A00000005 UID SEARCH ..."); continuation data has no tag.
            var match = TaggedCommand().Match(line.ToString());
            if (match.Success)
            {
                var words = match.Groups[1].Value.Trim().Split(' ');
                lock (_commands)
                {
                    // LIST keeps its reference, pattern and selection: they tell MailKit's own
                    // post-login listings from a folder lookup of the engine.
                    _commands.Add(string.Join(' ', words.Take(words[0] switch { "UID" => 3, "LIST" => 4, _ => 2 })));
                }
            }

            line.Clear();
        }
    }

    [GeneratedRegex(@"^[A-Z]\d{8} (.+?)\r?$")]
    private static partial Regex TaggedCommand();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        await Task.WhenAll(_relays);
        _stop.Dispose();
    }
}
