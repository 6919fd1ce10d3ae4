using Digima.Core.MailImport;
using MimeKit;

namespace Digima.Infrastructure.MailImport;

/// <summary>The attachments of a received message: every one listed with its decoded size, and
/// the content of those that fit in the mail's budget (in the order they appear) held for storing
/// with the mail. One decoding pass measures and keeps; a part that cannot be decoded or does not
/// fit is listed with the reason.</summary>
internal static class ImportedAttachments
{
    public static (IReadOnlyList<MailAttachment> Listed, IReadOnlyList<ImportedFile> Files) Read(MimeMessage message, long budget)
    {
        var listed = new List<MailAttachment>();
        var files = new List<ImportedFile>();
        try
        {
            foreach (var entity in Attachments(message))
            {
                var name = AttachmentFileName.Of(entity);
                var held = new HeldContent(budget);
                var fault = Decode(entity, held);
                if (fault is not null || held.Overflowed)
                {
                    held.Dispose();
                    listed.Add(new MailAttachment(name, held.Length) { NotStored = fault ?? AttachmentNotStored.TooLarge });
                    continue;
                }

                budget -= held.Length;
                files.Add(new ImportedFile(listed.Count, name, TypeOf(entity), held));
                listed.Add(new MailAttachment(name, held.Length));
            }
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }

        return (listed, files);
    }

    /// <summary>Parts marked as attachments, and forwarded messages (message/rfc822) even when
    /// the sender did not mark them: MimeKit's own Attachments leaves those out.</summary>
    private static IEnumerable<MimeEntity> Attachments(MimeMessage message) =>
        message.BodyParts.Where(p => p is MessagePart || p.IsAttachment);

    private static string? Decode(MimeEntity entity, HeldContent held)
    {
        try
        {
            switch (entity)
            {
                case MimePart part:
                    part.Content?.DecodeTo(held);
                    break;
                case MessagePart { Message: { } inner }:
                    inner.WriteTo(held);
                    break;
            }

            return null;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return AttachmentNotStored.Unreadable;
        }
    }

    private static string TypeOf(MimeEntity entity) =>
        entity is MessagePart ? "message/rfc822" : entity.ContentType.MimeType.ToLowerInvariant();
}
