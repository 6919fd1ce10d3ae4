using Digima.Core.Attachments;
using Digima.Core.MailImport;

namespace Digima.Core.Timeline;

/// <summary>The files of mail written in this app, listed on timelines and threads as an imported
/// mail's attachments are (an imported mail's list comes with its row).</summary>
internal static class OutgoingMailFiles
{
    public static async Task<TimelineMail> AddAsync(TimelineMail mail, IAttachmentStore store, CancellationToken cancellationToken)
    {
        if (mail.Item.OutgoingMailId is not { } outgoingId || mail.Item.IsHidden)
        {
            return mail;
        }

        var files = await store.ListForOutgoingAsync(outgoingId, cancellationToken);
        return files.Count == 0 ? mail : mail with { Attachments = files.Select(f => new MailAttachment(f.FileName, f.Size) { FileId = f.Id }).ToList() };
    }

    public static async Task<IReadOnlyList<TimelineMail>> AddAsync(IReadOnlyList<TimelineMail> thread, IAttachmentStore store, CancellationToken cancellationToken)
    {
        var listed = new List<TimelineMail>(thread.Count);
        foreach (var mail in thread)
        {
            listed.Add(await AddAsync(mail, store, cancellationToken));
        }

        return listed;
    }
}
