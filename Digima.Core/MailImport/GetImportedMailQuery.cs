using Digima.Core.Common;
using Digima.Core.MailImport.Privacy;

namespace Digima.Core.MailImport;

/// <summary>The preview (R20): the mail and the exchange of its thread, newest on top.</summary>
public sealed record ImportedMailPreview(ImportedMail Mail, IReadOnlyList<ImportedMail> Thread);

/// <summary>The preview of a mailbox's mail: its rep and managers only; each read is recorded for managers.</summary>
public sealed class GetImportedMailQuery(IImportedMailQueries queries, IMailPrivacyRepository privacy, TimeProvider time)
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

        await privacy.RecordBodyViewAsync(actor.Id, mail.Id, time.GetUtcNow(), cancellationToken);
        var thread = await queries.ListThreadAsync(mail.UserId, mail.ThreadKey, MaxThreadLength, cancellationToken);
        return new ImportedMailPreview(mail, thread.Count > 0 ? thread : [mail]);
    }
}
