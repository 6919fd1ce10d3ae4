using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.MailImport.Backfill;

/// <summary>Takes queued backfills, one mailbox at a time, and runs them (<see cref="RunMailBackfillCommand"/>).
/// Woken at once by a saved customer or a manager's request on any node (live events), else every
/// <see cref="MailImportOptions.BackfillPollInterval"/> (a CSV import, an event lost). A request
/// taken by a node that stops is taken again by any node once its lease runs out.</summary>
internal sealed class MailBackfillWorker(
    IServiceScopeFactory scopes, ILiveEvents live, MailImportOptions options, ILogger<MailBackfillWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackfillEnabled)
        {
            return;
        }

        using var saved = live.Subscribe<CustomerChanged>(_ => Wake());
        using var asked = live.Subscribe<MailBackfillChanged>(e => e.CustomerId is null ? Wake() : Task.CompletedTask);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: what was taken is taken again after its lease.
                logger.LogError(e, "The mail backfill worker failed; retrying");
            }

            try
            {
                await _wake.WaitAsync(options.BackfillPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>False when nothing was left to take (or only busy mailboxes).</returns>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var requests = await scope.ServiceProvider.GetRequiredService<IMailBackfillRepository>().ClaimAsync(options.BackfillLease, stoppingToken);
        if (requests.Count == 0)
        {
            return false;
        }

        var outcome = await scope.ServiceProvider.GetRequiredService<RunMailBackfillCommand>().RunAsync(requests, stoppingToken);
        if (outcome == MailBackfillOutcome.Busy)
        {
            // Looked at again after the busy delay (not before: a busy mailbox would spin).
            _ = WakeLaterAsync(stoppingToken);
            return false;
        }

        return true;
    }

    private async Task WakeLaterAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.BackfillBusyDelay, stoppingToken);
            await Wake();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private Task Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up drains the whole queue.
        }

        return Task.CompletedTask;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
