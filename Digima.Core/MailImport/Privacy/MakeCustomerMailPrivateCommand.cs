using Digima.Core.Common;

namespace Digima.Core.MailImport.Privacy;

/// <summary>The one click under the bell: every mail of the actor's own mailbox exchanged with
/// the customer becomes private. Never touches another rep's mail.</summary>
public sealed class MakeCustomerMailPrivateCommand(IMailPrivacyRepository store)
{
    /// <returns>How many mails were made private.</returns>
    public Task<int> MakePrivateAsync(CurrentUser actor, long customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.MakeCustomerMailPrivateAsync(actor.Id, customerId, cancellationToken);
    }
}
