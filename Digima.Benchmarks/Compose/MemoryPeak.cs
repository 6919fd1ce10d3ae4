
namespace Digima.Benchmarks.Compose;

/// <summary>Samples a process's resident memory every few milliseconds while an action runs and
/// reports the highest value seen: the growth an upload causes is transient (buffers freed when it
/// ends), so a reading after the fact would miss it.</summary>
internal static class MemoryPeak
{
    public static async Task<(T Result, long BeforeBytes, long PeakBytes)> DuringAsync<T>(Func<long> resident, Func<Task<T>> action)
    {
        var before = resident();
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, resident());
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);
        var result = await action();
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, resident());
        return (result, before, peak);
    }
}
