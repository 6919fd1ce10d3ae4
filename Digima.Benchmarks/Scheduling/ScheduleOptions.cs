using System.Globalization;

namespace Digima.Benchmarks.Scheduling;

internal sealed record ScheduleOptions(int Mails, int Reps, int Threads, int LeadSeconds, int Warmup, int Lanes)
{
    /// <summary>The mailboxes' logins, each measured in turn (<c>--auth both</c>: password, then OAuth 2.0).</summary>
    public IReadOnlyList<BenchAuth> Auths { get; init; } = [BenchAuth.Password];

    public static ScheduleOptions Parse(string[] args)
    {
        var options = new ScheduleOptions(1000, 20, 20, 60, 1000, 20);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--mails" => options with { Mails = int.Parse(value, CultureInfo.InvariantCulture) },
                "--reps" => options with { Reps = int.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => options with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--lanes" => options with { Lanes = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--lead" => options with { LeadSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--auth" => options with { Auths = BenchOAuth.Parse(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
