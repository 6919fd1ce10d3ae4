using Digima.Core.Accounts;

namespace Digima.Core.Common;

/// <summary>The signed-in user on whose behalf a use case runs. Every use case that reads or
/// changes data takes one, so permissions are checked on the server, not only in the page.</summary>
public sealed record CurrentUser(long Id, string Email, string DisplayName, UserRole Role, string TimeZoneId, string Language)
{
    public bool IsManager => Role == UserRole.Manager;

    /// <exception cref="ForbiddenException">The user is not a manager.</exception>
    public void EnsureManager()
    {
        if (!IsManager)
        {
            throw new ForbiddenException("This action is for managers only.");
        }
    }
}
