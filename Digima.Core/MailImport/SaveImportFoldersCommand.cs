using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Core.MailImport;

/// <summary>Saves which folders the rep's mailbox imports (「取り込むフォルダ」). Checked against
/// the server, not the page: every name must be a folder the server lists now and can open.
/// Applies from the next sync; a newly chosen folder starts with the first-sync window.</summary>
public sealed class SaveImportFoldersCommand(
    IMailboxConnections mailboxes, IMailImportServer server, IMailImportFolderRepository folders, TimeProvider time, IStringLocalizer<CoreMessages> text)
{
    /// <param name="fullNames">The chosen folders' full names, as <see cref="ListImportFoldersQuery"/> listed them.</param>
    /// <exception cref="NotFoundException">Another user's mailbox.</exception>
    /// <exception cref="MailImportException">The server refused the login or cannot be reached.</exception>
    public async Task<Outcome<IReadOnlyList<ImportFolder>>> SaveAsync(
        CurrentUser actor, long ownerUserId, IReadOnlyCollection<string> fullNames, CancellationToken cancellationToken)
    {
        ImportFolderAccess.EnsureOwn(actor, ownerUserId);
        ArgumentNullException.ThrowIfNull(fullNames);
        if (fullNames.Count == 0)
        {
            return Outcome<IReadOnlyList<ImportFolder>>.Failure("Folders", text["ImportFoldersNone"]);
        }

        if (await mailboxes.GetAsync(ownerUserId, cancellationToken) is not { } mailbox)
        {
            return Outcome<IReadOnlyList<ImportFolder>>.Failure("Folders", text["ImportFoldersNotConnected"]);
        }

        IReadOnlyList<ServerFolder> listed;
        await using (var session = await server.ConnectAsync(mailbox, cancellationToken))
        {
            listed = await session.ListFoldersAsync(cancellationToken);
        }

        var byName = listed.ToDictionary(f => f.FullName, StringComparer.Ordinal);
        var missing = fullNames.FirstOrDefault(n => !byName.ContainsKey(n));
        if (missing is not null)
        {
            return Outcome<IReadOnlyList<ImportFolder>>.Failure("Folders", text["ImportFolderMissing", missing]);
        }

        var chosen = fullNames.Select(n => byName[n].Folder).Distinct().ToList();
        await folders.SaveAsync(ownerUserId, chosen, time.GetUtcNow(), cancellationToken);
        return Outcome<IReadOnlyList<ImportFolder>>.Success(chosen);
    }
}
