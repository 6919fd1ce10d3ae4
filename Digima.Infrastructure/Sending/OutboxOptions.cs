namespace Digima.Infrastructure.Sending;

/// <summary><c>Digima:Outbox</c>: the worker that sends queued individual mail.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Digima:Outbox";

    /// <summary>Off on a node that should only serve pages.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for mail queued on other nodes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often to look for mail left in "sending" by a node that died.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
