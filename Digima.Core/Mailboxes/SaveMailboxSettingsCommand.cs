using Digima.Core.Common;
using Digima.Core.Scheduling;
using FluentValidation;

namespace Digima.Core.Mailboxes;

/// <summary>Saves the signed-in user's own mailbox (R1). New passwords are encrypted; an empty
/// password field keeps the saved one while host, port and user name are unchanged.</summary>
public sealed class SaveMailboxSettingsCommand(
    IMailboxRepository mailboxes,
    ISecretProtector secrets,
    IValidator<MailboxInput> validator,
    ReleaseMailboxHeldMailCommand heldMail,
    TimeProvider clock)
{
    public async Task<Outcome<bool>> SaveAsync(CurrentUser actor, MailboxInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var saved = await mailboxes.GetAsync(actor.Id, cancellationToken);
        var clean = MailboxForm.Prepare(input, saved);
        var validation = await validator.ValidateAsync(clean, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<bool>.Failure(validation.Errors);
        }

        var sentFolder = SentFolder(clean, saved);
        var mailbox = new StoredMailbox(
            actor.Id,
            clean.SenderName,
            clean.SenderAddress,
            Server(clean.Smtp, saved?.Smtp),
            Server(clean.Imap, saved?.Imap),
            clean.SaveCopyToSent,
            sentFolder,
            clock.GetUtcNow())
        {
            OAuth = KeepsGrant(clean, saved) ? saved!.OAuth : null,
            SentCopies = KeepsSentCopies(clean, sentFolder, saved),
        };
        await mailboxes.SaveAsync(mailbox, cancellationToken);
        if (mailbox.OAuth is null)
        {
            // Its passwords are freshly encrypted: mail held because they could not be read goes
            // out. (A kept grant is as good or as ended as before; connecting again releases that.)
            await heldMail.ReleaseAsync(actor.Id, cancellationToken);
        }

        return Outcome<bool>.Success(true);
    }

    private StoredMailServer Server(MailServerInput input, StoredMailServer? saved) => new(
        input.Host,
        input.Port,
        input.Security,
        input.UserName,
        input.Password.Length > 0 ? secrets.Protect(input.Password) : saved!.ProtectedPassword);

    // A mailbox connected with OAuth 2.0 keeps its grant while the form changes only what the grant
    // does not cover (sender, copies to Sent); a typed password or another server or user makes it
    // a password mailbox, as the rep asked.
    private static bool KeepsGrant(MailboxInput input, StoredMailbox? saved) =>
        saved?.OAuth is not null
        && input.Smtp.Password.Length == 0 && input.Imap.Password.Length == 0
        && saved.Smtp.Key == input.Smtp.Key && saved.Imap.Key == input.Imap.Key;

    // Who files the copies was learnt on these servers and logins into this folder; on others it is
    // found out again at the next send.
    private static SentCopyFiling KeepsSentCopies(MailboxInput input, string? sentFolder, StoredMailbox? saved) =>
        saved is not null && saved.Smtp.Key == input.Smtp.Key && saved.Imap.Key == input.Imap.Key && saved.SentFolderName == sentFolder
            ? saved.SentCopies
            : SentCopyFiling.Unknown;

    // A folder found on one IMAP login means nothing on another.
    private static string? SentFolder(MailboxInput input, StoredMailbox? saved) =>
        input.SentFolderName
        ?? (saved is not null && saved.Imap.Key == input.Imap.Key ? saved.SentFolderName : null);
}
