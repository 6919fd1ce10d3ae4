namespace Digima.Core.Accounts.Sessions;

/// <summary>「ログアウト」 ends every session of the user, not only the browser that clicked it:
/// the security stamp changes, so a copy of any of the user's cookies stops working at once.
/// Why all of them: see docs/decisions/0009-sign-out-ends-every-session.md.</summary>
public sealed class SignOutCommand(IUserRepository users)
{
    public Task SignOutAsync(long userId, CancellationToken cancellationToken) =>
        users.RotateSecurityStampAsync(userId, cancellationToken);
}
