namespace Digima.Core.Compose;

/// <summary>What the rep typed on the compose screen. Subject and body may hold merge tokens.</summary>
public sealed class ComposeInput
{
    public List<ComposeRecipient> To { get; set; } = [];
    public List<ComposeRecipient> Cc { get; set; } = [];
    public List<ComposeRecipient> Bcc { get; set; } = [];
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>開封・通知設定 (R9): stored with the mail; tracking itself is its own feature.</summary>
    public bool OpenTracking { get; set; }
    public bool ClickTracking { get; set; }
    public bool NotifyOnOpen { get; set; }

    /// <summary>Set for a reply (R16): the Message-ID answered, without angle brackets.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>For a reply: the thread's Message-IDs, oldest first, ending with <see cref="InReplyTo"/>.</summary>
    public List<string> References { get; set; } = [];

    /// <summary>Set for 「転送」: the mail forwarded. Its attachments are to be copied onto this mail
    /// (the hook for attachments); threading is not continued.</summary>
    public ForwardedMail? ForwardOf { get; set; }

    /// <summary>添付ファイル, in the order attached.</summary>
    public List<ComposeAttachment> Attachments { get; set; } = [];

    public IEnumerable<ComposeRecipient> AllRecipients => To.Concat(Cc).Concat(Bcc);

    /// <summary>Merge values come from the first customer in 宛先 (R7).</summary>
    public ComposeRecipient? PrimaryRecipient => To.FirstOrDefault();
}

/// <summary>Which stored mail a 「転送」 forwards: one imported from a mailbox or one written in this app.</summary>
public sealed record ForwardedMail(ForwardedMailSource Source, long MailId);

public enum ForwardedMailSource
{
    Imported,
    Outgoing,
}
