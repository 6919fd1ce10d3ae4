using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary>The mail a folder's import left out for one reason (the list behind a count on the
/// sync card, B5). The rep's own: it names mail from addresses they never import.</summary>
public sealed class ListSkippedMailQuery(IImportedMailQueries queries)
{
    public const int Limit = 200;

    /// <exception cref="NotFoundException">Another user's mailbox.</exception>
    public Task<IReadOnlyList<SkippedMail>> ListAsync(
        CurrentUser actor, long ownerUserId, ImportFolder folder, string reasonCode, CancellationToken cancellationToken)
    {
        ImportFolderAccess.EnsureOwn(actor, ownerUserId);
        return queries.ListSkippedAsync(ownerUserId, folder, reasonCode, Limit, cancellationToken);
    }
}
