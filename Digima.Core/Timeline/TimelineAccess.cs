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

    /// <summary>Whether the actor may reply to or duplicate a mail from the timeline: the mail
    /// goes out from the actor's own mailbox, so a rep does that with their own mail, a manager
    /// with anyone's (the compose use cases check again).</summary>
    public static bool CanContinue(CurrentUser actor, TimelineItem item) =>
        item.IsMail && (actor.IsManager || item.RepUserId == actor.Id);
}
