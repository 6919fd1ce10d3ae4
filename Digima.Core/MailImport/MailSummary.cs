namespace Digima.Core.MailImport;

/// <summary>What the server tells about a message before its body is fetched (envelope,
/// threading headers): enough to decide whether it is exchanged with a customer.</summary>
/// <param name="MessageId">Without angle brackets; null when the message has none.</param>
/// <param name="Date">The Date header; null when missing or unreadable.</param>
/// <param name="InternalDate">When the server received it; the fallback date.</param>
public sealed record MailSummary(
    uint Uid,
    string? MessageId,
    string Subject,
    IReadOnlyList<MailParty> From,
    IReadOnlyList<MailParty> To,
    IReadOnlyList<MailParty> Cc,
    DateTimeOffset? Date,
    DateTimeOffset? InternalDate,
    string? InReplyTo,
    IReadOnlyList<string> References)
{
    /// <summary>The Message-ID in our own header (<see cref="Sending.MessageIds.OurHeader"/>),
    /// without angle brackets: set on mail the app sent.</summary>
    public string? OurMessageId { get; init; }

    /// <summary>Outlook's Thread-Index header as sent (base64); null when the mail has none.</summary>
    public string? ThreadIndex { get; init; }

    /// <summary>The Bcc header: only a sender's own copy (in Sent) has one.</summary>
    public IReadOnlyList<MailParty> Bcc { get; init; } = [];

    public IEnumerable<string> Addresses =>
        From.Concat(To).Concat(Cc).Concat(Bcc).Select(p => p.Address.ToLowerInvariant()).Where(a => a.Length > 0).Distinct();
}

/// <summary>A message body read from the server: the fields the app keeps. Headers are read
/// again from the full message because the server's envelope may carry undecoded 8-bit text.</summary>
/// <param name="HtmlBody">Already sanitized (R27); null when the mail has no HTML part.</param>
public sealed record MailContent(
    uint Uid,
    string Subject,
    MailParty? From,
    IReadOnlyList<MailParty> To,
    IReadOnlyList<MailParty> Cc,
    DateTimeOffset? Date,
    string TextBody,
    string? HtmlBody,
    string Snippet,
    IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>The content of the attachments to store, held until the mail is stored.</summary>
    public IReadOnlyList<ImportedFile> Files { get; init; } = [];
}

/// <summary>A message whose body could not be read, with the reason kept for the sync status.</summary>
public sealed record UnreadableMail(uint Uid, string Reason);
