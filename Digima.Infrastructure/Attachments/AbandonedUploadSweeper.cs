using Digima.Core.Attachments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Attachments;

/// <summary>Runs <see cref="RemoveAbandonedUploadsCommand"/> hourly on each node.</summary>
internal sealed class AbandonedUploadSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<AbandonedUploadSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<RemoveAbandonedUploadsCommand>().RunAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} abandoned uploads", removed);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Removing abandoned uploads failed; trying again in an hour");
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
