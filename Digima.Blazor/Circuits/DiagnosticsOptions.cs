using Microsoft.Extensions.Options;

namespace Digima.Blazor.Circuits;

/// <summary><c>Digima:Diagnostics</c>: benchmarks only. <c>Enabled</c> serves
/// <c>GET /diagnostics/memory</c> to local clients, which forces a full garbage collection on every
/// call: never on a node that serves reps.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Digima:Diagnostics";

    public bool Enabled { get; set; }
}

/// <summary>Production refuses to start with the diagnostics on: a blocking full collection on
/// request would stall every circuit of the node.</summary>
internal sealed class DiagnosticsOptionsValidator(IHostEnvironment environment) : IValidateOptions<DiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options) =>
        options.Enabled && environment.IsProduction()
            ? ValidateOptionsResult.Fail($"{DiagnosticsOptions.Section}:Enabled must not be set in Production: it is for benchmarks (see docs/benchmarks.md).")
            : ValidateOptionsResult.Success;
}
