using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>The trash icon, after 「はい、削除します」 (R23): the mail leaves the app (not the
/// server) and its Message-ID is tombstoned so no later sync imports it again. Only the rep
/// whose mailbox it came from may delete it.</summary>
public sealed class DeleteImportedMailCommand(IImportedMailRepository store, TimeProvider time)
{
    /// <returns>False when the mail does not exist or is not the actor's.</returns>
    public Task<bool> DeleteAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.DeleteAsync(actor.Id, mailId, time.GetUtcNow(), cancellationToken);
    }
}
