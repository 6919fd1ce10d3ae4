using System.Diagnostics;
using System.Globalization;
using Digima.Benchmarks.Autocomplete;

namespace Digima.Benchmarks.Ageing;

/// <summary>One timed query of the report: each call of <paramref name="Run"/> is one sample
/// (it picks its own arguments and throws when its answer is wrong).</summary>
/// <param name="GoalP95Ms">The p95 goal, or null where it sets none.</param>
internal sealed record QueryCase(string Name, Func<CancellationToken, Task> Run, double? GoalP95Ms)
{
    /// <summary>Calls it <paramref name="warmUp"/> times untimed, then <paramref name="rounds"/> times timed, one after the other.</summary>
    public async Task<Latencies> TimeAsync(int warmUp, int rounds)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await Run(CancellationToken.None);
        }

        var latencies = new Latencies();
        for (var i = 0; i < rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await Run(CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(start), i.ToString(CultureInfo.InvariantCulture));
        }

        return latencies;
    }
}
