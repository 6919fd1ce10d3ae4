using System.Globalization;

namespace Digima.Benchmarks.Compose;

/// <summary>Medians and percentiles of a set of timings, printed the same way everywhere.</summary>
internal sealed record Stats(double[] Sorted)
{
    public static Stats Of(IEnumerable<double> values) => new(values.Order().ToArray());

    public double Median => At(0.5);

    public double At(double q) => Sorted[(int)Math.Min(Sorted.Length - 1, Math.Floor(q * Sorted.Length))];

    public double Max => Sorted[^1];

    public string Ms() => string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {Max:F1} ms (n={Sorted.Length})");
}
