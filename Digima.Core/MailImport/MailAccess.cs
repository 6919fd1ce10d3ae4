using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>Who may read a mailbox's imported mail (R29): its rep, and managers.</summary>
internal static class MailAccess
{
    /// <exception cref="ForbiddenException">The actor is another rep.</exception>
    public static void EnsureCanRead(CurrentUser actor, long ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Id != ownerUserId && !actor.IsManager)
        {
            throw new ForbiddenException("A rep reads only their own mailbox.");
        }
    }
}
