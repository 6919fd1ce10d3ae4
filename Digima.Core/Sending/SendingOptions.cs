namespace Digima.Core.Sending;

/// <summary>The Core half of <c>Digima:Outbox</c>: how long a claim may last before it is taken
/// for the claim of a dead node.</summary>
public sealed class SendingOptions
{
    /// <summary>A send never takes this long; a claim older than this belongs to a dead worker.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);
}
