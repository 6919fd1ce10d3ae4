using Microsoft.Extensions.Logging;

namespace Digima.Core.Sending;

/// <summary>Keeps a batch's claims fresh while <see cref="MailDelivery"/> works on it: every quarter
/// of <see cref="SendingOptions.StuckAfter"/> the claims still held are renewed, so a slow server
/// or a long batch is never taken by <see cref="RecoverStuckMailCommand"/> for a dead node's and
/// sent again. A node that really died stops renewing, and its mail is recovered as before.</summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    private ClaimHeartbeat(Func<CancellationToken, Task> beat, TimeSpan interval, TimeProvider time) =>
        _beating = BeatAsync(beat, interval, time);

    public static ClaimHeartbeat Start(
        IOutgoingMailRepository outbox, IReadOnlyList<OutgoingMail> claimed, SendingOptions options, TimeProvider time, ILogger logger) =>
        new(async stop =>
        {
            try
            {
                await outbox.RenewClaimsAsync(claimed, time.GetUtcNow(), stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next beat tries again; until then the check before each send still holds.
                logger.LogWarning(e, "The claims of {Count} mails could not be renewed", claimed.Count);
            }
        }, options.StuckAfter / 4, time);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _beating;
        }
        catch (OperationCanceledException)
        {
            // Stopped between two beats.
        }

        _stop.Dispose();
    }

    private async Task BeatAsync(Func<CancellationToken, Task> beat, TimeSpan interval, TimeProvider time)
    {
        while (true)
        {
            await Task.Delay(interval, time, _stop.Token);
            await beat(_stop.Token);
        }
    }
}
