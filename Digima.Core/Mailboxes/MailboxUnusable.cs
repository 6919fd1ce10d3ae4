using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Mailboxes;

/// <summary>The failures of reading a mailbox's credentials that only the rep can cure: a saved
/// password that cannot be decrypted, an OAuth grant the provider ended (「再接続が必要」). Sending
/// treats them as "mailbox not connected": a due scheduled mail is held, a send-now mail fails.</summary>
public static class MailboxUnusable
{
    public static bool IsRepsToFix(Exception e) => e is SecretUnreadableException or MailboxReconnectRequiredException;

    /// <summary>What the rep is told (the mail's error, the hold reason).</summary>
    public static string Message(Exception e, IStringLocalizer<CoreMessages> text) =>
        e is MailboxReconnectRequiredException ? text["MailboxReconnectRequired"] : text["MailboxSecretUnreadable"];
}
