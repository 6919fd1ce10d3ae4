using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;

namespace Digima.Infrastructure.LiveUpdates;

/// <summary><c>Digima:LiveUpdates</c>: how the bus listener reconnects after its connection drops.</summary>
public sealed class LiveUpdatesOptions : IValidatableObject
{
    public const string Section = "Digima:LiveUpdates";

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            yield return new ValidationResult($"must not be below ReconnectMinDelay ({ReconnectMinDelay:c}).", [nameof(ReconnectMaxDelay)]);
        }
    }
}
