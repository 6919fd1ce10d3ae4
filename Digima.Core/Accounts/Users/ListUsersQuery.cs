using Digima.Core.Common;

namespace Digima.Core.Accounts.Users;

/// <summary>Every user, for the manager's 「ユーザー」 settings page.</summary>
public sealed class ListUsersQuery(IUserRepository users)
{
    public Task<IReadOnlyList<User>> ListAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        actor.EnsureManager();
        return users.ListAsync(cancellationToken);
    }
}
