using Digima.Benchmarks.Autocomplete;

// `./digima bench <name> [args]` runs `dotnet run --project Digima.Benchmarks -- <name> [args]`.
switch (args.FirstOrDefault())
{
    case "autocomplete":
        await AutocompleteBenchmark.RunAsync(BenchOptions.Parse(args[1..]));
        return 0;
    default:
        Console.Error.WriteLine("usage: ./digima bench autocomplete [--customers N] [--queries N] [--baseline N]");
        return 2;
}
