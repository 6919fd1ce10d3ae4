using System.Collections.Concurrent;
using Digima.Core.LiveUpdates;
using Digima.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Scheduling;

/// <summary>This node's send lanes, one per mailbox at most: when any trigger fires, every mailbox
/// with due mail gets a lane that sends it over the mailbox's kept session
/// (<see cref="SendMailboxDueMailCommand"/>). Without them a burst (many reps'
/// mail due at 09:00) waits for the cluster's scheduler to hand out its triggers one database round
/// at a time, and the mailboxes whose triggers come last are late by seconds.
/// Lanes are a shortcut, not the guarantee: every mail keeps its own trigger, which sends it when no
/// lane did (a lane ended, the node died, the rate limit is on).</summary>
internal sealed class ScheduledSendLanes(
    IServiceScopeFactory scopes,
    IScheduledMailRepository scheduled,
    ScheduledSendOptions sending,
    ClusteredSchedulerOptions options,
    ILiveEvents live,
    TimeProvider time,
    ILogger<ScheduledSendLanes> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _dueSubscription;
    private int _disposed;

    /// <summary>Starts a lane for each mailbox with due mail that has none on this node, up to
    /// <see cref="ClusteredSchedulerOptions.SendLanes"/>; returns without waiting for them.</summary>
    public async Task StartDueAsync(CancellationToken cancellationToken)
    {
        if (sending.Spacing is not null || _stopping.IsCancellationRequested || _running.Count >= options.SendLanes)
        {
            return;
        }

        var dueBy = time.GetUtcNow() + SendScheduledMailCommand.Tolerance;
        foreach (var userId in await scheduled.ListDueMailboxesAsync(dueBy, options.SendLanes, cancellationToken))
        {
            if (_running.Count >= options.SendLanes)
            {
                return;
            }

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running.TryAdd(userId, start.Task))
            {
                // Registered before it runs, so a second firing cannot start the same mailbox twice.
                _running[userId] = RunLaneAsync(userId, start.Task);
                start.SetResult();
            }
        }
    }

    /// <summary>Mailboxes with a lane on this node now (tests and diagnostics).</summary>
    public int Running => _running.Count;

    /// <summary>Completes when the lanes running now have ended.</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Values);

    private async Task RunLaneAsync(long userId, Task registered)
    {
        await registered;
        var progressed = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var lane = scope.ServiceProvider.GetRequiredService<SendMailboxDueMailCommand>();
            var ran = await lane.SendAsync(userId, _stopping.Token);
            logger.LogDebug("Send lane of user {UserId} ran {Count} mails", userId, ran);
            progressed = ran > 0;
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            // Each mail left keeps its trigger; a mail claimed when this happened is recovered.
            logger.LogError(e, "The send lane of user {UserId} stopped", userId);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping: the lane ends between two mails.
        }
        finally
        {
            _running.TryRemove(userId, out _);
        }

        if (progressed)
        {
            // A lane that made progress hands its place to a mailbox still waiting, if any (more
            // mailboxes due than lanes). One that ran nothing ends the chain, so a mail that keeps
            // failing cannot spin lanes; its own trigger deals with it.
            await HandoverAsync();
        }
    }

    private async Task HandoverAsync()
    {
        try
        {
            await StartDueAsync(_stopping.Token);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            logger.LogWarning(e, "No lane could take over; the mails' own triggers will");
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping: no new lanes.
        }
    }

    /// <summary>Lanes on this node for a burst another node's wake trigger announced.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.SchedulingEnabled && sending.Spacing is null)
        {
            _dueSubscription = live.Subscribe<ScheduledMailDue>(_ => HandoverAsync());
        }

        return Task.CompletedTask;
    }

    /// <summary>Lanes end after the mail each is sending; the host's shutdown timeout bounds the wait.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _dueSubscription?.Dispose();
        // A host may dispose its services before it stops them (a test host torn down early).
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _dueSubscription?.Dispose();
        // Cancelled first: a lane still running sees the stop, not a disposed token source.
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
