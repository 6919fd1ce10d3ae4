using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>The one credential source: the saved mailbox of a user with what its servers need in
/// clear (the decrypted password, or a fresh OAuth access token from <see cref="MailboxGrantRefresh"/>),
/// for the send and import paths only; they never know which kind they hold. Throws
/// <see cref="SecretUnreadableException"/> when a saved secret can no longer be decrypted,
/// <see cref="MailboxReconnectRequiredException"/> when the provider ended the grant (「再接続が必要」),
/// <see cref="MailboxTokenUnavailableException"/> when the provider cannot refresh it for now.</summary>
internal sealed class MailboxConnections(IMailboxRepository mailboxes, ISecretProtector secrets, MailboxGrantRefresh grants) : IMailboxConnections
{
    public async Task<MailboxConnection?> GetAsync(long userId, CancellationToken cancellationToken)
    {
        var saved = await mailboxes.GetAsync(userId, cancellationToken);
        if (saved is null)
        {
            return null;
        }

        if (saved.OAuth is not { } grant)
        {
            return Connection(saved, Login(saved.Smtp), Login(saved.Imap));
        }

        if (await grants.FreshAccessTokenAsync(userId, grant, cancellationToken) is not var (token, expiresAt))
        {
            return null;
        }

        return Connection(saved, TokenLogin(saved.Smtp, token, expiresAt, userId), TokenLogin(saved.Imap, token, expiresAt, userId));
    }

    private static MailboxConnection Connection(StoredMailbox saved, MailServerLogin smtp, MailServerLogin imap) =>
        new(saved.UserId, saved.SenderAddress, saved.SenderName, smtp, imap, saved.SaveCopyToSent, saved.SentFolderName)
        {
            SentCopies = saved.SentCopies,
        };

    private MailServerLogin Login(StoredMailServer server) =>
        new(server.Host, server.Port, server.Security, server.UserName, secrets.Unprotect(server.ProtectedPassword));

    private static MailServerLogin TokenLogin(StoredMailServer server, string token, DateTimeOffset expiresAt, long userId) =>
        MailServerLogin.WithAccessToken(server.Host, server.Port, server.Security, server.UserName, token, expiresAt) with { TokenOwnerId = userId };
}
