namespace Digima.Core.Accounts.Users;

/// <summary>Loads a user by id: used to refresh the sign-in cookie and to revalidate open
/// sessions (a deactivated user is signed out).</summary>
public sealed class GetUserQuery(IUserRepository users)
{
    public Task<User?> GetAsync(long userId, CancellationToken cancellationToken) =>
        users.FindByIdAsync(userId, cancellationToken);
}
