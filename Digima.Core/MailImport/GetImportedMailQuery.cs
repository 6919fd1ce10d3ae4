using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Timeline;

namespace Digima.Core.MailImport;

/// <summary>The preview (R20): the mail, and the thread it belongs to as the timeline's
/// 「スレッドを表示」 shows it: both directions (the rep's mail sent from this app too), the subject
/// rule applied (R17), newest on top. <see cref="Thread"/> holds at least the mail itself.</summary>
public sealed record ImportedMailPreview(ImportedMail Mail, IReadOnlyList<TimelineMail> Thread);

/// <summary>The preview of a mailbox's mail: its rep and managers only; each body it returns is
/// recorded for managers, and a colleague's private mail in the thread comes without content.</summary>
public sealed class GetImportedMailQuery(
    IImportedMailQueries queries, ITimelineQueries threads, IMailPrivacyRepository privacy, IAttachmentStore files, TimeProvider time)
{
    private const int MaxThreadLength = 50;

    /// <exception cref="NotFoundException">No such mail, or another rep's (not revealed as such).</exception>
    public async Task<ImportedMailPreview> GetAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mail = await queries.GetAsync(mailId, cancellationToken);
        if (mail is null || (mail.UserId != actor.Id && !actor.IsManager))
        {
            throw new NotFoundException($"Imported mail {mailId} does not exist.");
        }

        // One thread for the preview and the timeline: the same query (R15, R17).
        var thread = await threads.ListThreadOfAsync(mail.MessageId, MaxThreadLength, cancellationToken);
        var shown = await ThreadReading.ShowAsync(
            thread.Count > 0 ? thread : [AsThreadMail(mail)], actor, privacy, time.GetUtcNow(), cancellationToken, alsoRead: mail.Id);
        return new ImportedMailPreview(mail, await OutgoingMailFiles.AddAsync(shown, files, cancellationToken));
    }

    private static TimelineMail AsThreadMail(ImportedMail mail) => new()
    {
        Item = new TimelineItem
        {
            OccurredAt = mail.MailDate,
            Direction = mail.Direction == MailDirection.Received ? TimelineDirection.In : TimelineDirection.Out,
            MessageId = mail.MessageId,
            ImportedMailId = mail.Id,
            Subject = mail.Subject,
        },
        FromName = mail.FromName,
        FromAddress = mail.FromAddress,
        To = mail.To,
        BodyText = mail.BodyText,
        BodyHtml = mail.BodyHtml,
        Attachments = mail.Attachments,
    };
}
