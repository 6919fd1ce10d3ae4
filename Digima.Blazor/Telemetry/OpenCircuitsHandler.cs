using Digima.Core.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Digima.Blazor.Telemetry;

/// <summary>Counts this node's open circuits (digima.circuits.open): each is a browser tab
/// holding server memory, the figure that sizes a node.</summary>
internal sealed class OpenCircuitsHandler : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        DigimaTelemetry.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        DigimaTelemetry.CircuitClosed();
        return Task.CompletedTask;
    }
}
