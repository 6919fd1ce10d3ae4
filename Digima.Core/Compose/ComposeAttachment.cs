using Digima.Core.Attachments;

namespace Digima.Core.Compose;

/// <summary>A file attached in compose: a loose stored file of the rep's (uploaded, or copied by
/// 複製 or a template). Name, size and type are what the store returned, for showing; the send
/// checks them against the store, never trusts them.</summary>
public sealed record ComposeAttachment(long FileId, string Name, long Size, string ContentType)
{
    public static ComposeAttachment From(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, file.FileName, file.Size, file.ContentType);
    }
}
