namespace Digima.Core.MailImport;

/// <summary>A mail imported from a rep's mailbox and exchanged with at least one customer.</summary>
public sealed record ImportedMail
{
    public long Id { get; init; }
    public long UserId { get; init; }

    /// <summary>Without angle brackets, or a "hash:" identity for mail without Message-ID.</summary>
    public required string MessageId { get; init; }

    public MailDirection Direction { get; init; }
    public MailFolderKind FolderKind { get; init; }

    /// <summary>The key of the folder it was found in (<see cref="ImportFolder.Key"/>); not stored with the mail.</summary>
    public string FolderKey { get; init; } = "";
    public long UidValidity { get; init; }
    public long Uid { get; init; }
    public string Subject { get; init; } = "";
    public string FromAddress { get; init; } = "";
    public string FromName { get; init; } = "";
    public IReadOnlyList<MailParty> To { get; init; } = [];
    public IReadOnlyList<MailParty> Cc { get; init; } = [];
    public DateTimeOffset MailDate { get; init; }

    /// <summary>When the rep's server received it (IMAP INTERNALDATE); null when the server gave none.</summary>
    public DateTimeOffset? ArrivedAt { get; init; }
    public string Snippet { get; init; } = "";
    public string BodyText { get; init; } = "";

    /// <summary>Sanitized at import; remote images are in data-src until the rep allows them.</summary>
    public string? BodyHtml { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>While importing: the content of the attachments to store with the mail (not a
    /// column; empty when read back).</summary>
    public IReadOnlyList<ImportedFile> Files { get; init; } = [];
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public required string ThreadKey { get; init; }

    /// <summary>Outlook's conversation index (<see cref="Timeline.Threads.ThreadIndex"/>); null when
    /// the mail has none or a malformed one.</summary>
    public byte[]? ThreadIndex { get; init; }

    /// <summary>Of date, sender and body (<see cref="MailIdentity.ContentHash"/>): tells apart
    /// two mails that carry the same Message-ID.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The Message-ID this mail reuses when another stored mail already has it (its
    /// own identity is then that Message-ID with its content hash); null otherwise.</summary>
    public string? ReusedMessageId { get; init; }
    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>Marked 「非公開」 by its rep: only they and managers read it.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>The customers in the mail and how they appear (from, to, cc).</summary>
    public IReadOnlyList<MailCustomerLink> Customers { get; init; } = [];
}

public enum MailCustomerRole
{
    From,
    To,
    Cc,

    /// <summary>Only in Bcc of a mail the rep sent (their Sent copy keeps the header): the rep wrote
    /// to them, so it is on their timeline, but they were not openly addressed (no 返信待ち change,
    /// not offered as a recipient of 返信 or 複製).</summary>
    Bcc,
}

public sealed record MailCustomerLink(long CustomerId, MailCustomerRole Role);
