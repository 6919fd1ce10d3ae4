using Digima.Core.Common;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Core.MailImport;

/// <summary>What 「完全に再同期」 did, in the rep's words.</summary>
/// <param name="Imported">Mail stored now that was missing.</param>
/// <param name="Known">Mail with a customer that was already in the app (not stored again).</param>
public sealed record FolderResyncReport(MailboxSyncOutcome Outcome, int Imported, int Known, string Message);

/// <summary>「完全に再同期」 of one chosen folder (B5): re-reads it from the start of the import
/// window and says what changed. Nothing is stored twice: identities are unique per mailbox.</summary>
public sealed class ResyncFolderCommand(SyncMailboxCommand sync, MailImportFolders folders, IStringLocalizer<CoreMessages> text)
{
    /// <exception cref="NotFoundException">Another user's mailbox.</exception>
    public async Task<FolderResyncReport> ResyncAsync(CurrentUser actor, long ownerUserId, ImportFolder folder, CancellationToken cancellationToken)
    {
        ImportFolderAccess.EnsureOwn(actor, ownerUserId);
        ArgumentNullException.ThrowIfNull(folder);
        if (!(await folders.ChosenAsync(ownerUserId, cancellationToken)).Contains(folder))
        {
            return new FolderResyncReport(MailboxSyncOutcome.Failed, 0, 0, text["ResyncFolderMissing"]);
        }

        var result = await sync.ResyncAsync(ownerUserId, folder, cancellationToken);
        if (result.Outcome != MailboxSyncOutcome.Synced)
        {
            return new FolderResyncReport(result.Outcome, 0, 0, result.Error ?? text[result.Outcome == MailboxSyncOutcome.Busy ? "ResyncBusy" : "ResyncFolderMissing"]);
        }

        if (result.Folders.Count == 0)
        {
            return new FolderResyncReport(MailboxSyncOutcome.Failed, 0, 0, text["ResyncFolderMissing"]);
        }

        var read = result.Folders[0];
        return new FolderResyncReport(result.Outcome, read.Imported, read.Known, text["ResyncReport", read.Imported, read.Known]);
    }
}
