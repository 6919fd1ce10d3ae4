using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Mailboxes;

/// <summary>「接続を解除」: revokes the grant at the provider where it offers revocation, then
/// deletes the rep's mailbox with its tokens. The tokens go even when the provider cannot be reached:
/// the rep asked for this app to stop using the account, and the grant can also be ended at the provider.</summary>
public sealed class DisconnectMailboxOAuthCommand(
    IMailboxRepository mailboxes, IOAuthProviders providers, ISecretProtector secrets, ILiveEvents live, ILogger<DisconnectMailboxOAuthCommand> logger)
{
    /// <summary>Returns false when the rep's mailbox is not connected with OAuth 2.0 (nothing changed).</summary>
    public async Task<bool> DisconnectAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await mailboxes.GetAsync(actor.Id, cancellationToken) is not { OAuth: { } grant })
        {
            return false;
        }

        try
        {
            // Revoking the refresh token ends the whole grant (RFC 7009 2.1).
            await providers.RevokeAsync(grant.Provider, secrets.Unprotect(grant.ProtectedRefreshToken), cancellationToken);
        }
        catch (Exception e) when (e is MailboxTokenUnavailableException or SecretUnreadableException or ArgumentException)
        {
            logger.LogWarning(e, "The OAuth grant of user {UserId} at {Provider} could not be revoked; its tokens are deleted anyway", actor.Id, grant.Provider);
        }

        await mailboxes.DeleteAsync(actor.Id, cancellationToken);
        if (grant.ReconnectRequiredAt is not null)
        {
            // No mailbox is left to reconnect: the banner 「再接続が必要」 goes from the open pages.
            await live.PublishAsync(new MailboxReconnectChanged(actor.Id, Required: false), cancellationToken);
        }

        return true;
    }
}
