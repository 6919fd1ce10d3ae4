using Digima.Core.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Sending;

/// <summary>Sends queued mail one at a time: claims it (so only one node sends it), then runs
/// <see cref="SendQueuedMailCommand"/>. On start and every minute it resolves mail left in
/// "sending" by a crash.</summary>
internal sealed class OutboxWorker(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var nextRecovery = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextRecovery)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RecoverStuckMailCommand>().RecoverAsync(stoppingToken);
                    nextRecovery = time.GetUtcNow() + options.Value.RecoveryInterval;
                }

                while (await SendNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: log and try again after the poll interval.
                logger.LogError(e, "The outbox worker failed; retrying");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> SendNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mail = await scope.ServiceProvider.GetRequiredService<IOutgoingMailRepository>().ClaimNextQueuedAsync(time.GetUtcNow(), stoppingToken);
        if (mail is null)
        {
            return false;
        }

        await scope.ServiceProvider.GetRequiredService<SendQueuedMailCommand>().SendAsync(mail, stoppingToken);
        return true;
    }
}
