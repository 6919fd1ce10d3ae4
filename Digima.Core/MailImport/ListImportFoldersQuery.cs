using Digima.Core.Common;
using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport;

/// <summary>The folders of the rep's mailbox as the server lists them, and which are imported.</summary>
/// <param name="Folders">Null when the mailbox is not connected.</param>
public sealed record ImportFolderChoice(IReadOnlyList<ServerFolder>? Folders, IReadOnlyList<ImportFolder> Chosen);

/// <summary>「取り込むフォルダ」 on the mailbox page: the server's folders (IMAP LIST) with the chosen ones.</summary>
public sealed class ListImportFoldersQuery(IMailboxConnections mailboxes, IMailImportServer server, MailImportFolders folders)
{
    /// <exception cref="NotFoundException">Another user's mailbox: a rep's folders are theirs alone.</exception>
    /// <exception cref="MailImportException">The server refused the login or cannot be reached.</exception>
    public async Task<ImportFolderChoice> ListAsync(CurrentUser actor, long ownerUserId, CancellationToken cancellationToken)
    {
        ImportFolderAccess.EnsureOwn(actor, ownerUserId);
        var chosen = await folders.ChosenAsync(ownerUserId, cancellationToken);
        if (await mailboxes.GetAsync(ownerUserId, cancellationToken) is not { } mailbox)
        {
            return new ImportFolderChoice(null, chosen);
        }

        await using var session = await server.ConnectAsync(mailbox, cancellationToken);
        return new ImportFolderChoice(await session.ListFoldersAsync(cancellationToken), chosen);
    }
}

internal static class ImportFolderAccess
{
    /// <summary>Mailbox settings are the rep's own (managers included: they see mail, not settings).</summary>
    /// <exception cref="NotFoundException">Another user's mailbox.</exception>
    public static void EnsureOwn(CurrentUser actor, long ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Id != ownerUserId)
        {
            throw new NotFoundException("No such mailbox.");
        }
    }
}
