using System.Globalization;

namespace Digima.Benchmarks.Circuits;

/// <param name="Pages">Browser tabs at most, each signed in as a rep of its own.</param>
/// <param name="Keys">Keystrokes in 宛先 timed per typing tab (after one warm-up).</param>
/// <param name="Mails">Mail loaded for the timeline and メールボックス (half written here, half imported).</param>
/// <param name="HoldSeconds">A pause after the first and the last reading of each page, to take a
/// heap dump of the app (dotnet-gcdump collect -p PID) and see what the circuits keep.</param>
internal sealed record CircuitsOptions(int Pages, int Keys, int Mails, int HoldSeconds)
{
    /// <summary>The tab counts the memory is read at: 1, a quarter, a half and all of them.</summary>
    public IReadOnlyList<int> Steps => new[] { 1, Pages / 4, Pages / 2, Pages }.Where(n => n >= 1).Distinct().Order().ToList();

    public static CircuitsOptions Parse(string[] args)
    {
        var options = new CircuitsOptions(40, 15, 20_000, 0);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--pages" => options with { Pages = value },
                "--keys" => options with { Keys = value },
                "--mails" => options with { Mails = value },
                "--hold" => options with { HoldSeconds = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options.Pages >= 1 && options.Keys >= 1 ? options : throw new ArgumentException("--pages and --keys must be at least 1");
    }
}
