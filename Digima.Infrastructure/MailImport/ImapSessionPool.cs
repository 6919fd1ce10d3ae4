using System.Security.Cryptography;
using System.Text;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using MailKit.Net.Imap;

namespace Digima.Infrastructure.MailImport;

/// <summary>Logged-in IMAP clients kept between syncs, at most one per mailbox, so a re-sync of
/// an unchanged mailbox costs its EXAMINE commands and no login (MailKit sends three commands of
/// its own after every login). A client is taken out while a sync uses it, so it is never shared
/// between threads; one left unused longer than <see cref="MailImportOptions.SessionIdleTimeout"/>
/// is logged out (well before servers drop idle clients, RFC 3501: 30 minutes).</summary>
internal sealed class ImapSessionPool : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Parked> _parked = [];
    private readonly MailImportOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer? _sweeper;
    private bool _disposed;

    public ImapSessionPool(MailImportOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        if (options.SessionIdleTimeout > TimeSpan.Zero)
        {
            var period = TimeSpan.FromTicks(Math.Max(options.SessionIdleTimeout.Ticks / 2, TimeSpan.FromSeconds(1).Ticks));
            _sweeper = time.CreateTimer(_ => Sweep(), null, period, period);
        }
    }

    /// <summary>Mailboxes with a parked client (for tests and the benchmark).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _parked.Count;
            }
        }
    }

    /// <summary>The mailbox's parked client when it is still logged in with the same settings and
    /// not expired; null otherwise (a stale one is logged out).</summary>
    public ImapClient? Take(MailboxConnection mailbox)
    {
        Parked? parked;
        lock (_gate)
        {
            if (!_parked.Remove(mailbox.UserId, out parked))
            {
                return null;
            }
        }

        if (parked.Login == KeyOf(mailbox.Imap) && !Expired(parked) && parked.Client is { IsConnected: true, IsAuthenticated: true })
        {
            return parked.Client;
        }

        Close(parked.Client);
        return null;
    }

    /// <summary>Keeps a healthy client for the mailbox's next sync; replaces (logs out) one parked
    /// before. With pooling off, or after shutdown began, the client is logged out.</summary>
    public void Return(MailboxConnection mailbox, ImapClient client)
    {
        Parked? replaced = null;
        var keep = _options.SessionIdleTimeout > TimeSpan.Zero && client is { IsConnected: true, IsAuthenticated: true };
        lock (_gate)
        {
            if (keep && !_disposed)
            {
                _parked.Remove(mailbox.UserId, out replaced);
                _parked[mailbox.UserId] = new Parked(client, KeyOf(mailbox.Imap), _time.GetTimestamp());
                client = null!;
            }
        }

        if (replaced is not null)
        {
            Close(replaced.Client);
        }

        if (client is not null)
        {
            Close(client);
        }
    }

    /// <summary>Logs out every parked client (the benchmark starts each first import from nothing).</summary>
    public Task CloseAllAsync()
    {
        List<Parked> all;
        lock (_gate)
        {
            all = [.. _parked.Values];
            _parked.Clear();
        }

        return Task.WhenAll(all.Select(p => CloseAsync(p.Client)));
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync();
        }

        await CloseAllAsync();
    }

    /// <summary>Logs out clients left unused too long, so idle connections are not held open.</summary>
    internal void Sweep()
    {
        List<KeyValuePair<long, Parked>> expired;
        lock (_gate)
        {
            expired = _parked.Where(p => Expired(p.Value)).ToList();
            foreach (var (userId, _) in expired)
            {
                _parked.Remove(userId);
            }
        }

        foreach (var (_, parked) in expired)
        {
            Close(parked.Client);
        }
    }

    private bool Expired(Parked parked) => _time.GetElapsedTime(parked.ReturnedAt) >= _options.SessionIdleTimeout;

    /// <summary>Settings saved since the client logged in (other server, user or password) make it
    /// unusable. Kept as a hash, not the password itself.</summary>
    private static string KeyOf(MailServerLogin login) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{login.Host}\n{login.Port}\n{login.Security}\n{login.UserName}\n{login.Password}")));

    // Closing waits for the server's LOGOUT answer: in the background, off the sync's path.
    private static void Close(ImapClient client) => _ = CloseAsync(client);

    internal static async Task CloseAsync(ImapClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception e) when (ImapImportServer.IsServerFault(e, CancellationToken.None))
        {
            // The connection is gone either way; nothing was left half-written on our side.
        }
        finally
        {
            client.Dispose();
        }
    }

    private sealed record Parked(ImapClient Client, string Login, long ReturnedAt);
}
