namespace Digima.Benchmarks.Import;

/// <summary>Sizes of the import benchmark. The defaults are the figures; smaller values
/// make a quick trial run.</summary>
internal sealed record ImportOptions(int Messages, int Resyncs, int Deliveries, int Rounds, bool Phases = false, int? BatchSize = null)
{
    /// <summary>The mailbox's logins (<c>--auth both</c>: each round imports with the password and
    /// with an OAuth 2.0 token, the order alternating, beside the same mbsync copy).</summary>
    public IReadOnlyList<BenchAuth> Auths { get; init; } = [BenchAuth.Password];

    /// <summary>The size of the mailbox a new customer is backfilled across (0: not measured).</summary>
    public int BackfillMessages { get; init; } = 50_000;

    /// <summary><c>--backfill-only 1</c>: only the backfill measurement.</summary>
    public bool BackfillOnly { get; init; }

    public static ImportOptions Parse(string[] args)
    {
        var options = new ImportOptions(10_000, 20, 50, 4);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--auth")
            {
                options = options with { Auths = BenchOAuth.Parse(args[i + 1]) };
                continue;
            }

            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--messages" => options with { Messages = value },
                "--resyncs" => options with { Resyncs = value },
                "--deliveries" => options with { Deliveries = value },
                "--rounds" => options with { Rounds = Math.Max(2, value) },
                "--phases" => options with { Phases = value != 0 },
                "--batch" => options with { BatchSize = value },
                "--backfill" => options with { BackfillMessages = value },
                "--backfill-only" => options with { BackfillOnly = value != 0 },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
