namespace Digima.Benchmarks.Autocomplete;

/// <summary>Sizes of the autocomplete benchmark. The defaults are the figures; smaller
/// values make a quick trial run.</summary>
internal sealed record BenchOptions(int Customers, int QueriesPerClass, int BaselinePerClass)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1_000_000, 1_000, 15);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--customers" => options with { Customers = value },
                "--queries" => options with { QueriesPerClass = value },
                "--baseline" => options with { BaselinePerClass = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
