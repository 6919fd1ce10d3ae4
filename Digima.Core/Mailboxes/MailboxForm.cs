namespace Digima.Core.Mailboxes;

/// <summary>Shared by saving and testing: the form as the validator and the servers must see it.</summary>
internal static class MailboxForm
{
    /// <summary>A trimmed copy of the form, told for each server whether the saved password may
    /// stand in for an empty field.</summary>
    public static MailboxInput Prepare(MailboxInput input, StoredMailbox? saved)
    {
        var clean = input.Trimmed();
        clean.Smtp.SavedPassword = saved?.Smtp.PasswordFor(clean.Smtp) ?? SavedPassword.None;
        clean.Imap.SavedPassword = saved?.Imap.PasswordFor(clean.Imap) ?? SavedPassword.None;
        return clean;
    }
}
