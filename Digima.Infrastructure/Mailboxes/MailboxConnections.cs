using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>The saved mailbox of a user with both passwords decrypted, for the send and import
/// paths only. Throws <see cref="SecretUnreadableException"/> when a saved password can no
/// longer be decrypted (the rep must enter it again on 「メールボックス連携」).</summary>
internal sealed class MailboxConnections(IMailboxRepository mailboxes, ISecretProtector secrets) : IMailboxConnections
{
    public async Task<MailboxConnection?> GetAsync(long userId, CancellationToken cancellationToken)
    {
        var saved = await mailboxes.GetAsync(userId, cancellationToken);
        return saved is null
            ? null
            : new MailboxConnection(
                saved.UserId,
                saved.SenderAddress,
                saved.SenderName,
                Login(saved.Smtp),
                Login(saved.Imap),
                saved.SaveCopyToSent,
                saved.SentFolderName);
    }

    private MailServerLogin Login(StoredMailServer server) =>
        new(server.Host, server.Port, server.Security, server.UserName, secrets.Unprotect(server.ProtectedPassword));
}
