using System.Globalization;
using Digima.Benchmarks.Compose;

namespace Digima.Benchmarks.Circuits;

/// <summary>The figures the issue names, each beside its goal or baseline.</summary>
internal static class CircuitsReport
{
    public sealed record Idle(string Kind, IReadOnlyList<(int Pages, MemoryProbe.Figures Figures)> Readings)
    {
        public double ManagedPerCircuit => Slope.Of(Readings.Select(r => (r.Pages, r.Figures.ManagedBytes)).ToList());

        public double WorkingSetPerCircuit => Slope.Of(Readings.Select(r => (r.Pages, r.Figures.WorkingSetBytes)).ToList());
    }

    public static void Print(CircuitsOptions options, IReadOnlyList<Idle> idle, Stats baseline, Stats busy)
    {
        Console.WriteLine();
        Console.WriteLine($"circuits figures ({BenchMachine.Describe()}, load {BenchMachine.LoadAverage()}; tabs at {string.Join(", ", options.Steps)}):");
        foreach (var kind in idle)
        {
            var goal = kind.Kind == "compose" ? " (goal <= 300 KB)" : "";
            Console.WriteLine(Invariant($"  {kind.Kind,-9} per idle circuit: managed heap {kind.ManagedPerCircuit / 1024:F0} KB{goal}, working set {kind.WorkingSetPerCircuit / 1024:F0} KB"));
        }

        Console.WriteLine(Invariant($"  宛先 key to suggestions drawn, {RecipientRoundTrip.Debounce:F0} ms debounce subtracted: one tab p95 {baseline.At(0.95):F0} ms (p50 {baseline.Median:F0}); {options.Pages} tabs busy p95 {busy.At(0.95):F0} ms (p50 {busy.Median:F0}, max {busy.Max:F0}) (goal p95 <= 100 ms)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
