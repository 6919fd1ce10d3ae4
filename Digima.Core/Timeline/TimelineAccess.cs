using Digima.Core.Common;

namespace Digima.Core.Timeline;

/// <summary>Who reads timelines (R29): every signed-in rep and manager reads every customer's
/// timeline; only the mailbox pages and settings are per rep. A deactivated user never gets a
/// <see cref="CurrentUser"/>.</summary>
internal static class TimelineAccess
{
    /// <exception cref="ForbiddenException">The actor is neither a rep nor a manager.</exception>
    public static void EnsureCanRead(CurrentUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(actor.Role))
        {
            throw new ForbiddenException("Only reps and managers read timelines.");
        }
    }
}
