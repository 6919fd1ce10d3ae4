namespace Digima.Core.Sending;

/// <summary>The Core half of <c>Digima:Outbox</c>: how long a claim may go unrenewed before it
/// is taken for the claim of a dead node.</summary>
public sealed class SendingOptions
{
    /// <summary>A claim not renewed for this long belongs to a dead worker: a live one renews its
    /// claims every quarter of it while it sends (<see cref="ClaimHeartbeat"/>).</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);
}
