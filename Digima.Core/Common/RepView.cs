namespace Digima.Core.Common;

/// <summary>Whose mail lists a user may see: their own; a manager any rep's, or everyone's at once.
/// One rule for every per-rep list (個別メール, 予約, 返信待ち).</summary>
public static class RepView
{
    /// <summary>For a list of one rep's mail.</summary>
    /// <exception cref="ForbiddenException">A rep asked for another rep's mail.</exception>
    public static void EnsureMayView(CurrentUser actor, long repId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (repId != actor.Id && !actor.IsManager)
        {
            throw new ForbiddenException($"User {actor.Id} may not list the mail of user {repId}.");
        }
    }

    /// <summary>For a list a manager may also see for everyone: the rep whose mail to list, null for
    /// everyone (a manager without a filter).</summary>
    /// <exception cref="ForbiddenException">A rep asked for another rep's mail.</exception>
    public static long? Scope(CurrentUser actor, long? repId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsManager)
        {
            return repId;
        }

        EnsureMayView(actor, repId ?? actor.Id);
        return actor.Id;
    }
}
