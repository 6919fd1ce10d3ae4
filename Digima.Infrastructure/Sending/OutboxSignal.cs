using Digima.Core.Sending;

namespace Digima.Infrastructure.Sending;

/// <summary>In-process wake-up for the outbox worker. Other nodes' queued mail is found by the
/// worker's short poll.</summary>
internal sealed class OutboxSignal : IOutboxSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void MailQueued()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up drains the whole queue.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
