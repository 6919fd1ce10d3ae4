using Digima.Core.Accounts;

namespace Digima.Core.Mailboxes;

/// <summary>Whether the account a provider granted access to is someone else's here: the mailbox
/// another user connected, or another user's sign-in address. A rep who signed in at the provider
/// with a colleague's account (a shared browser, a forwarded link) would otherwise send as, and
/// import the mail of, that colleague.</summary>
public sealed class OAuthAccountCheck(IMailboxRepository mailboxes, IUserRepository users)
{
    public async Task<bool> IsAnotherUsersAsync(long userId, string account, CancellationToken cancellationToken) =>
        (await users.FindByEmailAsync(account, cancellationToken) is { } user && user.Id != userId)
        || await mailboxes.IsAnotherUsersAsync(account, userId, cancellationToken);
}
