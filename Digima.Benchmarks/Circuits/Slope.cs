namespace Digima.Benchmarks.Circuits;

/// <summary>Least-squares slope of a memory figure over the number of open tabs: bytes per circuit.</summary>
internal static class Slope
{
    public static double Of(IReadOnlyList<(int Pages, long Bytes)> points)
    {
        if (points.Count < 2)
        {
            return double.NaN;
        }

        var meanX = points.Average(p => (double)p.Pages);
        var meanY = points.Average(p => (double)p.Bytes);
        var covariance = points.Sum(p => (p.Pages - meanX) * (p.Bytes - meanY));
        var variance = points.Sum(p => (p.Pages - meanX) * (p.Pages - meanX));
        return variance == 0 ? double.NaN : covariance / variance;
    }
}
