using System.Globalization;

namespace Digima.Benchmarks.Compose;

/// <param name="Rounds">Uploads and sends measured (after one warm-up each).</param>
/// <param name="Saves">Draft autosaves measured.</param>
/// <param name="SizeMegabytes">The attachment's size.</param>
internal sealed record ComposeOptions(int Rounds, int Saves, int SizeMegabytes)
{
    public static ComposeOptions Parse(string[] args)
    {
        var options = new ComposeOptions(7, 300, 10);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = value },
                "--saves" => options with { Saves = value },
                "--size-mb" => options with { SizeMegabytes = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
