using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Attachments;

/// <summary>「ファイルを添付」: stores an upload as the rep's loose file, streamed as it arrives.
/// The limit is what is left of the mail's total (<see cref="AttachmentOptions.MaxTotalBytes"/>)
/// after the files already attached, as the page reports them; the send checks the stored sizes
/// again, so a page that under-reports gains nothing.</summary>
public sealed class UploadAttachmentCommand(IAttachmentStore store, AttachmentOptions options, TimeProvider time, IStringLocalizer<CoreMessages> text)
{
    /// <param name="alreadyAttached">Bytes the mail carries already.</param>
    /// <param name="declaredSize">The upload's length when the request says it, to refuse it
    /// before reading a byte; null for a body of unknown length.</param>
    public async Task<Outcome<StoredFile>> UploadAsync(
        CurrentUser actor, string fileName, string contentType, Stream content, long alreadyAttached, long? declaredSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var left = options.MaxTotalBytes - Math.Max(0, alreadyAttached);
        if (left <= 0 || declaredSize > left)
        {
            return TooLarge(alreadyAttached + (declaredSize ?? 0));
        }

        var stored = await store.SaveAsync(new NewStoredFile(actor.Id, fileName, contentType, time.GetUtcNow()), content, left, cancellationToken);
        return stored is null ? TooLarge(alreadyAttached + left + 1) : Outcome<StoredFile>.Success(stored);
    }

    private Outcome<StoredFile> TooLarge(long total) =>
        Outcome<StoredFile>.Failure(nameof(ComposeInput.Attachments), ComposeInputValidator.TotalTooLarge(text, options.MaxTotalBytes, total));
}
