using Digima.Core.Common;

namespace Digima.Core.Mailboxes;

/// <summary>Whether the signed-in rep's mailbox is 「再接続が必要」, for the banner on every mail
/// page: read once per open screen (one row by key), then followed by <see cref="LiveUpdates.MailboxReconnectChanged"/>.</summary>
public sealed class GetMailboxReconnectQuery(IMailboxRepository mailboxes, IOAuthProviders providers)
{
    /// <returns>Null while the mailbox is usable, not connected, or a password mailbox.</returns>
    public async Task<MailboxReconnectNotice?> GetAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await mailboxes.GetAsync(actor.Id, cancellationToken) is not { OAuth: { ReconnectRequiredAt: { } at } grant })
        {
            return null;
        }

        return new MailboxReconnectNotice(providers.All.FirstOrDefault(p => p.Name == grant.Provider)?.DisplayName ?? grant.Provider, at);
    }
}

/// <param name="ProviderDisplayName">Where the rep signs in again.</param>
/// <param name="Since">When the provider refused the grant.</param>
public sealed record MailboxReconnectNotice(string ProviderDisplayName, DateTimeOffset Since);
