using Digima.Core.Attachments;

namespace Digima.Infrastructure.Sending;

/// <summary>A file going out with a mail: its name and type, and content MimeKit can read again.</summary>
internal sealed record MailAttachment(string FileName, string ContentType, Stream Content);

/// <summary>A mail's attachments copied from the store into temporary files for one message.
/// Spooled rather than read straight from the database because MimeKit wants seekable content
/// and MailKit writes a message more than once (measured for the server's SIZE/BDAT, written
/// again after a 421 reconnect): re-reading a local file costs a disk read where reopening the
/// store costs a query per pass and a database connection held while SMTP is slow. Nothing is
/// held in memory but a copy buffer, and the files go when the spool is disposed (DeleteOnClose).
/// The send and the Sent copy each spool their own: they run apart, possibly on other nodes.</summary>
internal sealed class AttachmentSpool : IAsyncDisposable
{
    private const int BufferSize = 128 * 1024;
    private readonly List<MailAttachment> _files;

    private AttachmentSpool(List<MailAttachment> files) => _files = files;

    public static readonly AttachmentSpool Empty = new([]);

    public IReadOnlyList<MailAttachment> Files => _files;

    public static async Task<AttachmentSpool> OpenAsync(IAttachmentStore store, long outgoingMailId, CancellationToken cancellationToken)
    {
        var stored = await store.ListForOutgoingAsync(outgoingMailId, cancellationToken);
        if (stored.Count == 0)
        {
            return Empty;
        }

        var spool = new AttachmentSpool(new List<MailAttachment>(stored.Count));
        try
        {
            foreach (var file in stored)
            {
                var temp = new FileStream(
                    Path.Combine(Path.GetTempPath(), $"digima-attachment-{Guid.NewGuid():N}"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                spool._files.Add(new MailAttachment(file.FileName, file.ContentType, temp));
                await using (var content = await store.OpenReadAsync(file.Id, cancellationToken))
                {
                    await content.CopyToAsync(temp, BufferSize, cancellationToken);
                }

                temp.Position = 0;
            }

            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files)
        {
            await file.Content.DisposeAsync();
        }

        _files.Clear();
    }
}
