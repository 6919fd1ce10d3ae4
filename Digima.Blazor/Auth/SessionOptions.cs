using Digima.Core.Common;

namespace Digima.Blazor.Auth;

/// <summary>How often an open screen re-checks its user (<c>Digima:Sessions:RevalidationInterval</c>).
/// A minute by default: a deactivated, demoted or signed-out user loses the screens they have open
/// within that time. Tests shorten it to see it happen.</summary>
public sealed class SessionOptions
{
    public const string Section = "Digima:Sessions";

    [TimeSpanRange("00:00:00", "00:01:00", MinimumIsExclusive = true)]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
