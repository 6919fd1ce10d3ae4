using Digima.Core.Common;

namespace Digima.Core.Mailboxes;

/// <summary>The signed-in user's own mailbox settings, without passwords. There is no way to ask
/// for another user's: managers included (R29).</summary>
public sealed class GetMailboxSettingsQuery(IMailboxRepository mailboxes)
{
    public async Task<MailboxSettingsView> GetAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var saved = await mailboxes.GetAsync(actor.Id, cancellationToken);
        return saved is null ? MailboxSettingsView.NotConnected(actor.DisplayName, actor.Email) : MailboxSettingsView.From(saved);
    }
}
