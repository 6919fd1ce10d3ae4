using Digima.Core.Common;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Sending;
using Digima.Core.Timeline;

namespace Digima.Core.Attachments;

/// <summary>A stored file opened for download, and the content to stream (the caller disposes it).</summary>
public sealed record AttachmentDownload(StoredFile File, Stream Content);

/// <summary>Opens any stored file for the one download endpoint, deciding who may read it by the
/// mail it belongs to: a loose upload, its owner only; a file of a mail written in this app, its
/// author or a manager (as 返信 and 複製 of that mail); a file of an imported mail, whoever may read
/// that mail's content (its rep, managers, and colleagues unless it is 「非公開」:
/// <see cref="PrivateMailVisibility"/>), the read recorded as a body view is.</summary>
public sealed class OpenAttachmentQuery(
    IAttachmentStore store, IImportedMailQueries importedMail, IOutgoingMailRepository outbox, IMailPrivacyRepository privacy, TimeProvider time)
{
    /// <exception cref="NotFoundException">No such file, or one the actor may not read (not revealed as such).</exception>
    public async Task<AttachmentDownload> OpenAsync(CurrentUser actor, long fileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var file = await store.FindAsync(fileId, cancellationToken);
        if (file is null || !await MayReadAsync(actor, file, cancellationToken))
        {
            throw new NotFoundException($"Stored file {fileId} does not exist.");
        }

        if (file.ImportedMailId is { } importedId)
        {
            await privacy.RecordBodyViewAsync(actor.Id, importedId, time.GetUtcNow(), cancellationToken);
        }

        return new AttachmentDownload(file, await store.OpenReadAsync(file.Id, cancellationToken));
    }

    private async Task<bool> MayReadAsync(CurrentUser actor, StoredFile file, CancellationToken cancellationToken)
    {
        if (file.ImportedMailId is { } importedId)
        {
            var mail = await importedMail.GetAsync(importedId, cancellationToken);
            return mail is not null && Enum.IsDefined(actor.Role) && PrivateMailVisibility.MayRead(mail.IsPrivate, mail.UserId, actor);
        }

        if (file.OutgoingMailId is { } outgoingId)
        {
            var mail = await outbox.GetAsync(outgoingId, cancellationToken);
            return mail is not null && (mail.UserId == actor.Id || actor.IsManager);
        }

        return file.OwnerUserId == actor.Id;
    }
}
