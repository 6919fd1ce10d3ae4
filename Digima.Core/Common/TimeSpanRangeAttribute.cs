using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Digima.Core.Common;

/// <summary>The bounds of a <see cref="TimeSpan"/> setting, written as in configuration
/// (<c>"00:00:10"</c>). <see cref="RangeAttribute"/> would need <see cref="TimeSpan.MaxValue"/>
/// spelled out for a bound on one side, and would print it in the message.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    private readonly TimeSpan _minimum;
    private readonly TimeSpan? _maximum;

    /// <param name="minimum">The lowest value, included unless <see cref="MinimumIsExclusive"/>.</param>
    /// <param name="maximum">The highest value, included unless <see cref="MaximumIsExclusive"/>; null for none.</param>
    public TimeSpanRangeAttribute(string minimum, string? maximum = null)
    {
        _minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        _maximum = maximum is null ? null : TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    public bool MinimumIsExclusive { get; set; }

    public bool MaximumIsExclusive { get; set; }

    public override bool IsValid(object? value) =>
        value is TimeSpan time
        && (MinimumIsExclusive ? time > _minimum : time >= _minimum)
        && (_maximum is not { } maximum || (MaximumIsExclusive ? time < maximum : time <= maximum));

    /// <summary>Says the bounds only: <c>ValidatedOptions</c> puts the configuration key in front.</summary>
    public override string FormatErrorMessage(string name)
    {
        var lower = MinimumIsExclusive ? $"more than {_minimum:c}" : $"at least {_minimum:c}";
        var upper = _maximum is not { } maximum ? "" : MaximumIsExclusive ? $" and less than {maximum:c}" : $" and at most {maximum:c}";
        return $"must be {lower}{upper}.";
    }
}
