namespace Digima.Core.Scheduling;

/// <summary><c>Digima:Scheduling</c>: how scheduled mail is sent.</summary>
public sealed class ScheduledSendOptions
{
    public const string Section = "Digima:Scheduling";

    /// <summary>Messages a minute per rep mailbox (Microsoft 365 allows 30); 0 turns the limit off.
    /// Sends beyond it are spaced, never dropped.</summary>
    public int RateLimitPerMinute { get; set; } = 30;

    /// <summary>Waits before each retry after a transient SMTP failure (4xx, connection lost);
    /// when they are used up the mail fails with the last reason.</summary>
    public TimeSpan[] RetryBackoff { get; set; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    public bool IsValid() => RateLimitPerMinute is >= 0 and <= 6000 && RetryBackoff.All(b => b > TimeSpan.Zero);

    public TimeSpan? Spacing => RateLimitPerMinute == 0 ? null : TimeSpan.FromMinutes(1) / RateLimitPerMinute;
}
