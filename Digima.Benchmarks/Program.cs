using Digima.Benchmarks.Ageing;
using Digima.Benchmarks.Autocomplete;
using Digima.Benchmarks.Circuits;
using Digima.Benchmarks.Compose;
using Digima.Benchmarks.Import;
using Digima.Benchmarks.LiveUpdates;
using Digima.Benchmarks.Scheduling;
using Digima.Benchmarks.Timeline;

// `./digima bench <name> [args]` runs `dotnet run --project Digima.Benchmarks -- <name> [args]`.
switch (args.FirstOrDefault())
{
    case "autocomplete":
        await AutocompleteBenchmark.RunAsync(BenchOptions.Parse(args[1..]));
        return 0;
    case "import":
        await ImportBenchmark.RunAsync(ImportOptions.Parse(args[1..]));
        return 0;
    case "schedule":
        await ScheduleBenchmark.RunAsync(ScheduleOptions.Parse(args[1..]));
        return 0;
    case "live":
        await LiveEventsBenchmark.RunAsync(args[1..]);
        return 0;
    case "compose":
        await ComposeBenchmark.RunAsync(ComposeOptions.Parse(args[1..]));
        return 0;
    case "timeline":
        await TimelineBenchmark.RunAsync(TimelineOptions.Parse(args[1..]));
        return 0;
    case "circuits":
        await CircuitsBenchmark.RunAsync(CircuitsOptions.Parse(args[1..]));
        return 0;
    case "ageing":
        await AgeingBenchmark.RunAsync(AgeingOptions.Parse(args[1..]), args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: ./digima bench autocomplete [--customers N] [--queries N] [--baseline N]");
        Console.Error.WriteLine("       ./digima bench import [--messages N] [--rounds N] [--resyncs N] [--deliveries N] [--phases 1] [--batch N] [--auth password|oauth2|both] [--backfill N] [--backfill-only 1]");
        Console.Error.WriteLine("       ./digima bench schedule [--mails N] [--reps N] [--threads N] [--lanes N] [--warmup N] [--lead SECONDS] [--auth password|oauth2|both]");
        Console.Error.WriteLine("       ./digima bench live [--samples N] [--burst N] [--subscribers N]");
        Console.Error.WriteLine("       ./digima bench compose [--rounds N] [--saves N] [--size-mb N]");
        Console.Error.WriteLine("       ./digima bench timeline [--mails N] [--hot N] [--customers N] [--samples N] [--baseline N]");
        Console.Error.WriteLine("       ./digima bench circuits [--pages N] [--keys N] [--mails N]");
        Console.Error.WriteLine("       ./digima bench ageing [--mails N] [--customers N] [--reps N] [--rounds N] [--baseline N]");
        return 2;
}
