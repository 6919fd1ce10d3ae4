using System.Collections.Concurrent;
using System.Diagnostics;
using Digima.Core.Mailboxes;
using MailKit;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Sending;

/// <summary>Authenticated MailKit clients kept open per mailbox login, so a burst of one rep's mail
/// pays one connect and one login instead of one per mail. A client is leased to one caller at a
/// time (never shared between threads), at most <see cref="MailConnectionOptions.MaxPerMailbox"/>
/// per login; one that sat idle (more than half a second) is checked with NOOP before it is handed out, and one the server
/// closed (idle timeout, 421) is replaced by a fresh connection.</summary>
internal sealed class MailClientPool<TClient> : IAsyncDisposable where TClient : class, IMailService
{
    private readonly ConcurrentDictionary<MailServerLogin, Slots> _slots = new();
    private readonly Func<MailServerLogin, CancellationToken, Task<TClient>> _connect;
    private readonly MailConnectionOptions _options;
    private readonly ILogger _logger;
    private readonly ITimer _sweep;
    private volatile bool _disposed;

    public MailClientPool(Func<MailServerLogin, CancellationToken, Task<TClient>> connect, MailConnectionOptions options, ILogger logger)
    {
        _connect = connect;
        _options = options;
        _logger = logger;
        // Idle times are about sockets, not the domain's clock: real time even under a test clock.
        _sweep = TimeProvider.System.CreateTimer(_ => CloseIdle(), null, options.IdleTimeout, options.IdleTimeout);
    }

    /// <summary>A connected, authenticated client for <paramref name="login"/>, reused when one is idle.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for a free slot or connecting.</exception>
    /// <remarks>Connection and login failures are thrown as MailKit throws them.</remarks>
    public async Task<MailClientLease<TClient>> LeaseAsync(MailServerLogin login, CancellationToken cancellationToken)
    {
        var slots = _slots.GetOrAdd(login, _ => new Slots(_options.MaxPerMailbox));
        await slots.Gate.WaitAsync(cancellationToken);
        try
        {
            while (slots.TryTake(out var idle))
            {
                var idleFor = Stopwatch.GetElapsedTime(idle.Since);
                if (idleFor < _options.IdleTimeout
                    && (idleFor < _options.ReuseWithoutCheckWithin ? IsOpen(idle.Client) : await IsAliveAsync(idle.Client, cancellationToken)))
                {
                    return new MailClientLease<TClient>(idle.Client, reused: true, lease => Return(slots, lease));
                }

                Close(idle.Client);
            }

            var client = await _connect(login, cancellationToken);
            return new MailClientLease<TClient>(client, reused: false, lease => Return(slots, lease));
        }
        catch
        {
            slots.Gate.Release();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _sweep.Dispose();
        foreach (var slots in _slots.Values)
        {
            while (slots.TryTake(out var idle))
            {
                Close(idle.Client);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Return(Slots slots, MailClientLease<TClient> lease)
    {
        if (lease.Reusable && !_disposed && lease.Client.IsConnected && lease.Client.IsAuthenticated)
        {
            slots.Put(new Idle(lease.Client, Stopwatch.GetTimestamp()));
        }
        else
        {
            Close(lease.Client);
        }

        slots.Gate.Release();
    }

    private static bool IsOpen(TClient client) => client.IsConnected && client.IsAuthenticated;

    private async Task<bool> IsAliveAsync(TClient client, CancellationToken cancellationToken)
    {
        if (!IsOpen(client))
        {
            return false;
        }

        try
        {
            await client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(e, "A pooled {Client} connection was closed by the server; opening a new one", typeof(TClient).Name);
            return false;
        }
    }

    private void CloseIdle()
    {
        foreach (var slots in _slots.Values)
        {
            foreach (var idle in slots.TakeOlderThan(_options.IdleTimeout))
            {
                Close(idle.Client);
            }
        }
    }

    /// <summary>Closes without a goodbye: QUIT/LOGOUT would block on a server that went away.</summary>
    private static void Close(TClient client) => client.Dispose();

    private readonly record struct Idle(TClient Client, long Since);

    private sealed class Slots(int max)
    {
        private readonly Stack<Idle> _idle = new();

        public SemaphoreSlim Gate { get; } = new(max, max);

        public bool TryTake(out Idle idle)
        {
            lock (_idle)
            {
                return _idle.TryPop(out idle);
            }
        }

        public void Put(Idle idle)
        {
            lock (_idle)
            {
                _idle.Push(idle);
            }
        }

        public List<Idle> TakeOlderThan(TimeSpan age)
        {
            lock (_idle)
            {
                var all = _idle.ToList();
                _idle.Clear();
                foreach (var keep in all.Where(i => Stopwatch.GetElapsedTime(i.Since) < age).Reverse())
                {
                    _idle.Push(keep);
                }

                return all.Where(i => Stopwatch.GetElapsedTime(i.Since) >= age).ToList();
            }
        }
    }
}

/// <summary>One caller's use of a pooled client. Call <see cref="Keep"/> once the client is known
/// to be in a clean state; a lease disposed without it closes the connection (it may be broken or
/// mid-command).</summary>
internal sealed class MailClientLease<TClient>(TClient client, bool reused, Action<MailClientLease<TClient>> release) : IDisposable
    where TClient : class, IMailService
{
    private int _released;

    public TClient Client { get; } = client;

    /// <summary>Whether the connection served an earlier lease (a failure on it may be the server
    /// having dropped it).</summary>
    public bool Reused { get; } = reused;

    public bool Reusable { get; private set; }

    public void Keep() => Reusable = true;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release(this);
        }
    }
}
