using Digima.Core.Common;

namespace Digima.Core.MailImport.Privacy;

/// <summary>「非公開」 on an imported mail: only its rep (and managers) read it from then on.
/// Only the rep whose mailbox it came from may change it.</summary>
public sealed class SetMailPrivateCommand(IMailPrivacyRepository store)
{
    /// <exception cref="NotFoundException">No such mail in the actor's mailbox (another rep's is not revealed as such).</exception>
    public async Task SetAsync(CurrentUser actor, long mailId, bool isPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await store.SetPrivateAsync(actor.Id, mailId, isPrivate, cancellationToken))
        {
            throw new NotFoundException($"Imported mail {mailId} is not in the actor's mailbox.");
        }
    }
}
