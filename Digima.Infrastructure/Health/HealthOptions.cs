using Digima.Core.Common;

namespace Digima.Infrastructure.Health;

/// <summary><c>Digima:Health</c>: the readiness checks behind /healthz/ready.</summary>
public sealed class HealthOptions
{
    public const string Section = "Digima:Health";

    /// <summary>Each check's own limit: a check that takes longer counts as failed, so a database
    /// that hangs makes the node unready instead of hanging the load balancer's probe.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A mailbox whose last successful import is older than this makes the node
    /// Degraded (still ready: the problem is the mail server's or the rep's, not the node's).
    /// The periodic sync runs every 5 minutes by default.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ImportLagDegradedAfter { get; set; } = TimeSpan.FromMinutes(30);
}
