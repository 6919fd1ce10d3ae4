namespace Digima.Benchmarks.Autocomplete;

/// <summary>Latencies of one query class in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<(double Milliseconds, string Query)> _samples = [];

    public int Count => _samples.Count;

    public double Max => _samples.Count == 0 ? double.NaN : _samples.Max(s => s.Milliseconds);

    public void Add(TimeSpan elapsed, string query) => _samples.Add((elapsed.TotalMilliseconds, query));

    public double Percentile(double p)
    {
        if (_samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _samples.Select(s => s.Milliseconds).Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The slowest queries, to see what the tail is made of.</summary>
    public IEnumerable<(double Milliseconds, string Query)> Slowest(int count) =>
        _samples.OrderByDescending(s => s.Milliseconds).Take(count);
}
