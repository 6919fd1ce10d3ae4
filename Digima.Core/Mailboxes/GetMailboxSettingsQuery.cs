using Digima.Core.Common;

namespace Digima.Core.Mailboxes;

/// <summary>The signed-in user's own mailbox settings, without passwords. There is no way to ask
/// for another user's: managers included (R29).</summary>
public sealed class GetMailboxSettingsQuery(IMailboxRepository mailboxes, IOAuthProviders providers)
{
    public async Task<MailboxSettingsView> GetAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var saved = await mailboxes.GetAsync(actor.Id, cancellationToken);
        var view = saved is null ? MailboxSettingsView.NotConnected(actor.DisplayName, actor.Email) : MailboxSettingsView.From(saved);
        return view with { Providers = providers.All, OAuth = saved?.OAuth is { } grant ? Status(saved, grant) : null };
    }

    // A provider removed from the configuration since is still named, by its configuration key.
    private MailboxOAuthStatus Status(StoredMailbox saved, StoredOAuthGrant grant) => new(
        grant.Provider,
        providers.All.FirstOrDefault(p => p.Name == grant.Provider)?.DisplayName ?? grant.Provider,
        saved.Imap.UserName,
        grant.ConnectedAt,
        grant.ReconnectRequiredReason is not null);
}
