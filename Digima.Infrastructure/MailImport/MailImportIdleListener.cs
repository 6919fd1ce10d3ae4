using Digima.Core.MailImport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.MailImport;

/// <summary>One <see cref="MailboxIdleWatcher"/> per connected mailbox, so new Inbox mail is
/// imported within seconds (R18, R28). Mailboxes connected or removed later are followed every
/// <see cref="MailImportOptions.MailboxRefreshInterval"/>.</summary>
internal sealed class MailImportIdleListener(
    MailboxIdleWatcher watcher, ConnectedMailboxList mailboxes, MailImportOptions options, ILogger<MailImportIdleListener> logger)
    : BackgroundService
{
    private readonly Dictionary<long, (CancellationTokenSource Stop, Task Running)> _watching = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IdleEnabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken);
                await Task.Delay(options.MailboxRefreshInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the watchers stop below.
        }
        finally
        {
            foreach (var (stop, _) in _watching.Values)
            {
                await stop.CancelAsync();
            }

            await Task.WhenAll(_watching.Values.Select(w => w.Running));
            foreach (var (stop, _) in _watching.Values)
            {
                stop.Dispose();
            }
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<long> wanted;
        try
        {
            wanted = await mailboxes.ListAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not list the mailboxes to watch; retrying");
            return;
        }

        foreach (var userId in _watching.Keys.Except(wanted).ToList())
        {
            await _watching[userId].Stop.CancelAsync();
            await _watching[userId].Running;
            _watching[userId].Stop.Dispose();
            _watching.Remove(userId);
        }

        foreach (var userId in wanted.Where(id => !_watching.ContainsKey(id)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _watching[userId] = (stop, Task.Run(() => watcher.WatchAsync(userId, stop.Token), CancellationToken.None));
        }
    }
}
