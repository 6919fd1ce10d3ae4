using Digima.Core.MailImport;

namespace Digima.Core.Timeline;

/// <summary>A mail of the timeline or of a thread with its full text (「更に表示」).</summary>
public sealed record TimelineMail
{
    public required TimelineItem Item { get; init; }
    public string FromName { get; init; } = "";
    public string FromAddress { get; init; } = "";
    public IReadOnlyList<MailParty> To { get; init; } = [];
    public string BodyText { get; init; } = "";

    /// <summary>Sanitized at import; null for mail written in this app (plain text).</summary>
    public string? BodyHtml { get; init; }

    /// <summary>Its attachments: an imported mail's list (stored or not, <see cref="MailAttachment.NotStored"/>),
    /// or the files of a mail written in this app.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}
