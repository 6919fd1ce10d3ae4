using Digima.Core.Common;

namespace Digima.Core.Customers;

/// <summary>Who edits customers: the CRM's records are shared, so every signed-in rep and manager
/// edits every customer (the profile's 「編集」, the CSV import, 「この場で入力」 in compose), owner
/// or not. A deactivated user never gets a <see cref="CurrentUser"/>.</summary>
public static class CustomerAccess
{
    public static bool CanEdit(CurrentUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Enum.IsDefined(actor.Role);
    }

    /// <exception cref="ForbiddenException">The actor is neither a rep nor a manager.</exception>
    public static void EnsureCanEdit(CurrentUser actor)
    {
        if (!CanEdit(actor))
        {
            throw new ForbiddenException($"User {actor.Id} may not edit customers.");
        }
    }
}
