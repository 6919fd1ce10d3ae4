using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>Moves the app's test clock on with real time while a test waits for access tokens to
/// expire at the provider: the app then sees them expire when the mail servers do.</summary>
internal sealed class RealTimeClock : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public RealTimeClock(FakeTimeProvider clock) => _running = FollowAsync(clock, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private static async Task FollowAsync(FakeTimeProvider clock, CancellationToken stop)
    {
        var real = Stopwatch.StartNew();
        var followed = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            var now = real.Elapsed;
            clock.Advance(now - followed);
            followed = now;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
