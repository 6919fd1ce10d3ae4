using System.ComponentModel.DataAnnotations;

namespace Digima.Core.Scheduling;

/// <summary><c>Digima:Scheduling</c>: how scheduled mail is sent.</summary>
public sealed class ScheduledSendOptions : IValidatableObject
{
    public const string Section = "Digima:Scheduling";

    /// <summary>Messages a minute per rep mailbox (Microsoft 365 allows 30); 0 turns the limit off.
    /// Sends beyond it are spaced, never dropped.</summary>
    [Range(0, 6000, ErrorMessage = "must be between {1} and {2}.")]
    public int RateLimitPerMinute { get; set; } = 30;

    /// <summary>Waits before each retry after a transient SMTP failure (4xx, connection lost);
    /// when they are used up the mail fails with the last reason.</summary>
    public TimeSpan[] RetryBackoff { get; set; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryBackoff.Any(b => b <= TimeSpan.Zero))
        {
            yield return new ValidationResult("must hold only waits of more than 00:00:00.", [nameof(RetryBackoff)]);
        }
    }

    public TimeSpan? Spacing => RateLimitPerMinute == 0 ? null : TimeSpan.FromMinutes(1) / RateLimitPerMinute;
}
