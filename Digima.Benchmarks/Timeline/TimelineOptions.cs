namespace Digima.Benchmarks.Timeline;

/// <summary>Sizes of the timeline benchmark. The defaults are the figures; smaller values
/// make a quick trial run.</summary>
internal sealed record TimelineOptions(int Mails, int HotMails, int Customers, int Samples, int BaselineSamples)
{
    public static TimelineOptions Parse(string[] args)
    {
        var options = new TimelineOptions(1_000_000, 10_000, 20_000, 1_000, 200);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--mails" => options with { Mails = value },
                "--hot" => options with { HotMails = value },
                "--customers" => options with { Customers = value },
                "--samples" => options with { Samples = value },
                "--baseline" => options with { BaselineSamples = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
