namespace Digima.Benchmarks.Ageing;

/// <summary>Sizes of the 返信待ち benchmark. The defaults are the figures (the timeline
/// benchmark's data shape with 100,000 customers); smaller values make a quick trial run.</summary>
/// <param name="Rounds">Timed calls of each product query (after as many warm-up calls as a tenth of it).</param>
/// <param name="BaselineRounds">Timed calls of each naive query: each reads all mail, so far fewer.</param>
/// <param name="DashboardRounds">Timed calls of each dashboard query (90 days of mail each).</param>
internal sealed record AgeingOptions(int Mails, int Customers, int Reps, int Rounds, int BaselineRounds, int DashboardRounds)
{
    public static AgeingOptions Parse(string[] args)
    {
        var options = new AgeingOptions(1_000_000, 100_000, 10, 1_000, 20, 40);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--mails" => options with { Mails = value },
                "--customers" => options with { Customers = value },
                "--reps" => options with { Reps = value },
                "--rounds" => options with { Rounds = value },
                "--baseline" => options with { BaselineRounds = value },
                "--dashboard-rounds" => options with { DashboardRounds = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
