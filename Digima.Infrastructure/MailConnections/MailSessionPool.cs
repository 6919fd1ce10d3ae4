using Digima.Core.Mailboxes;
using MailKit;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.MailConnections;

/// <summary>Authenticated MailKit sessions (SMTP or IMAP) kept open per login
/// (<see cref="MailSessionKey"/>), so a burst of one rep's mail or an unchanged re-sync pays no
/// new connect and login. A session is leased to one caller at a time (MailKit clients are never
/// shared between threads), at most <see cref="MailSessionPoolSettings.MaxPerKey"/> per login.
/// One handed back less than <see cref="MailSessionPoolSettings.ReuseWithoutCheckWithin"/> ago is
/// handed out again as it is; one idle longer is checked with NOOP first, and one idle for
/// <see cref="MailSessionPoolSettings.IdleTimeout"/> is logged out, as is one whose OAuth access
/// token has expired (the next lease logs in anew with the fresh token its login carries). All
/// times come from the one injected <see cref="TimeProvider"/>.</summary>
internal sealed class MailSessionPool<TClient> : IAsyncDisposable where TClient : class, IMailService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<MailSessionKey, Slots> _slots = [];
    private readonly Func<MailServerLogin, CancellationToken, Task<TClient>> _connect;
    private readonly MailSessionPoolSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer? _sweep;
    private bool _disposed;

    /// <param name="connect">Connects and authenticates a new client (the protocol's part).</param>
    public MailSessionPool(
        Func<MailServerLogin, CancellationToken, Task<TClient>> connect, MailSessionPoolSettings settings, TimeProvider time,
        ILogger<MailSessionPool<TClient>> logger)
    {
        _connect = connect;
        _settings = settings;
        _time = time;
        _logger = logger;
        if (settings.Keeps)
        {
            var period = TimeSpan.FromTicks(Math.Max(settings.IdleTimeout.Ticks / 2, TimeSpan.FromSeconds(1).Ticks));
            _sweep = time.CreateTimer(_ => CloseIdle(), null, period, period);
        }
    }

    /// <summary>Sessions kept idle, over all logins (for tests and the benchmark).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Values.Sum(s => s.Idle.Count);
            }
        }
    }

    /// <summary>A connected, authenticated client for <paramref name="login"/>, a kept one when
    /// it is still alive. Waits while the login's sessions are all leased.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for a free slot or connecting.</exception>
    /// <remarks>Connection and login failures are thrown as MailKit throws them.</remarks>
    public async Task<MailSessionLease<TClient>> LeaseAsync(MailServerLogin login, CancellationToken cancellationToken)
    {
        var key = MailSessionKey.Of(login);
        Slots slots;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out slots!))
            {
                slots = _slots[key] = new Slots(_settings.MaxPerKey);
            }
        }

        await slots.Leases.WaitAsync(cancellationToken);
        try
        {
            while (TryTakeIdle(slots, out var idle))
            {
                if (await IsUsableAsync(idle, cancellationToken))
                {
                    return new MailSessionLease<TClient>(idle.Client, reused: true, idle.ValidUntil, login, _connect, lease => Return(slots, lease));
                }

                MailKitConnect.LogOutInBackground(idle.Client);
            }

            var client = await _connect(login, cancellationToken);
            return new MailSessionLease<TClient>(client, reused: false, login.ValidUntil, login, _connect, lease => Return(slots, lease));
        }
        catch
        {
            slots.Leases.Release();
            throw;
        }
    }

    /// <summary>Logs out every kept session (the benchmark starts each first import from nothing).</summary>
    public Task CloseAllAsync() => Task.WhenAll(TakeIdle(_ => true).Select(i => MailKitConnect.LogOutAsync(i.Client)));

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        if (_sweep is not null)
        {
            await _sweep.DisposeAsync();
        }

        await CloseAllAsync();
    }

    /// <summary>The liveness rule (decision 0008): just used, it is handed out as it is; otherwise
    /// one NOOP, far cheaper than connect and login, finds a session the server ended. A session
    /// whose access token expired is not handed out: some servers end it at that moment.</summary>
    private async Task<bool> IsUsableAsync(Idle idle, CancellationToken cancellationToken)
    {
        var idleFor = _time.GetElapsedTime(idle.Since);
        if (idleFor >= _settings.IdleTimeout || IsExpired(idle) || !IsOpen(idle.Client))
        {
            return false;
        }

        if (idleFor < _settings.ReuseWithoutCheckWithin)
        {
            return true;
        }

        try
        {
            await idle.Client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(e, "A kept {Client} session was closed by the server; opening a new one", typeof(TClient).Name);
            return false;
        }
    }

    private void Return(Slots slots, MailSessionLease<TClient> lease)
    {
        Idle? dropped = null;
        var keep = lease.Reusable && _settings.Keeps && IsOpen(lease.Client);
        lock (_gate)
        {
            keep &= !_disposed;
            if (keep)
            {
                // The one handed back last is the one kept when there are more than may be.
                slots.Idle.AddLast(new Idle(lease.Client, _time.GetTimestamp(), lease.ValidUntil));
                if (slots.Idle.Count > _settings.KeepPerKey)
                {
                    dropped = slots.Idle.First!.Value;
                    slots.Idle.RemoveFirst();
                }
            }
        }

        if (!keep)
        {
            MailKitConnect.LogOutInBackground(lease.Client);
        }

        if (dropped is { } old)
        {
            MailKitConnect.LogOutInBackground(old.Client);
        }

        slots.Leases.Release();
    }

    private bool TryTakeIdle(Slots slots, out Idle idle)
    {
        lock (_gate)
        {
            if (slots.Idle.Last is { } last)
            {
                slots.Idle.RemoveLast();
                idle = last.Value;
                return true;
            }
        }

        idle = default;
        return false;
    }

    private void CloseIdle()
    {
        foreach (var idle in TakeIdle(i => _time.GetElapsedTime(i.Since) >= _settings.IdleTimeout || IsExpired(i)))
        {
            MailKitConnect.LogOutInBackground(idle.Client);
        }
    }

    private List<Idle> TakeIdle(Func<Idle, bool> which)
    {
        var taken = new List<Idle>();
        lock (_gate)
        {
            foreach (var slots in _slots.Values)
            {
                foreach (var idle in slots.Idle.Where(which).ToList())
                {
                    slots.Idle.Remove(idle);
                    taken.Add(idle);
                }
            }
        }

        return taken;
    }

    private static bool IsOpen(TClient client) => client is { IsConnected: true, IsAuthenticated: true };

    private bool IsExpired(Idle idle) => idle.ValidUntil is { } until && _time.GetUtcNow() >= until;

    private readonly record struct Idle(TClient Client, long Since, DateTimeOffset? ValidUntil);

    /// <summary>One login's sessions: the lease gate and the idle ones, oldest first.</summary>
    private sealed class Slots(int max)
    {
        public SemaphoreSlim Leases { get; } = new(max, max);

        public LinkedList<Idle> Idle { get; } = new();
    }
}
