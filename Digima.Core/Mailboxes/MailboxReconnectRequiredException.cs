namespace Digima.Core.Mailboxes;

/// <summary>「再接続が必要」: the provider refused the mailbox's OAuth grant for good (revoked,
/// password changed, consent withdrawn). Nothing is sent or imported until the rep connects the
/// mailbox again; a due scheduled mail is held with this reason. The message never holds a token.</summary>
/// <param name="reason">The provider's own words (its error code and description), for the log and the status.</param>
public sealed class MailboxReconnectRequiredException(string reason, Exception? innerException = null)
    : Exception($"The mailbox must be connected again: {reason}", innerException)
{
    public string Reason { get; } = reason;
}

/// <summary>The provider's token endpoint could not be reached or answered with a server error:
/// the grant may well be good, so the mail waits and is tried again later. The message never holds a token.</summary>
public sealed class MailboxTokenUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
