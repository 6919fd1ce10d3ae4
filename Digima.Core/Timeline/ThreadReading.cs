using Digima.Core.Common;
using Digima.Core.MailImport.Privacy;

namespace Digima.Core.Timeline;

/// <summary>What a thread shows its reader, for 「スレッドを表示」 and the mailbox preview alike:
/// colleagues' private mail without content, and each imported body it does show recorded for
/// managers.</summary>
internal static class ThreadReading
{
    public static async Task<IReadOnlyList<TimelineMail>> ShowAsync(
        IReadOnlyList<TimelineMail> thread, CurrentUser actor, IMailPrivacyRepository privacy, DateTimeOffset now,
        CancellationToken cancellationToken, long? alsoRead = null)
    {
        var shown = thread.Select(m => PrivateMailVisibility.Apply(m, actor)).ToList();
        var read = shown.Where(m => !m.Item.IsHidden).Select(m => m.Item.ImportedMailId).OfType<long>();
        foreach (var importedId in (alsoRead is { } id ? read.Append(id) : read).Distinct())
        {
            await privacy.RecordBodyViewAsync(actor.Id, importedId, now, cancellationToken);
        }

        return shown;
    }
}
