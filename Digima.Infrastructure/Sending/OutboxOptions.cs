using Digima.Core.Common;

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

    /// <summary>How long the first send of a mailbox waits for the mail server's own copy to show in
    /// Sent (Gmail files every mail sent through it there at once), before the app appends its copy
    /// and remembers that it does. Zero never waits: every mailbox then gets the app's copies.</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan ServerCopyWait { get; set; } = TimeSpan.FromSeconds(5);
}
