using Digima.Core.Common;

namespace Digima.Core.Accounts;

/// <summary>Active users by name, to pick a customer's owner (担当者). Open to every user:
/// it reveals names only, no settings.</summary>
public sealed class ListActiveUsersQuery(IUserRepository users)
{
    public async Task<IReadOnlyList<User>> ListAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = await users.ListAsync(cancellationToken);
        return all.Where(u => u.IsActive).ToList();
    }
}
