namespace Digima.Core.Resources;

/// <summary>Marker for the mailbox connection messages (MailboxMessages.resx is Japanese, the
/// default; MailboxMessages.en.resx is English).</summary>
public sealed class MailboxMessages;
