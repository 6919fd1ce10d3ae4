namespace Digima.Core.Attachments;

/// <summary>A stored attachment: a file a rep attached in compose, or a file of an imported mail.
/// It belongs to at most one mail or template; one of none is an upload not sent yet, its owner's alone.</summary>
public sealed record StoredFile
{
    public long Id { get; init; }
    public long OwnerUserId { get; init; }
    public long? ImportedMailId { get; init; }
    public long? OutgoingMailId { get; init; }
    public long? TemplateId { get; init; }
    public int Position { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }

    /// <summary>SHA-256 of the content: lets a test (and a support case) show a download is
    /// byte-identical to what was stored.</summary>
    public required byte[] Sha256 { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsLoose => ImportedMailId is null && OutgoingMailId is null && TemplateId is null;
}

/// <summary>What is known of a file before its content is read.</summary>
public sealed record NewStoredFile(long OwnerUserId, string FileName, string ContentType, DateTimeOffset CreatedAt)
{
    public long? ImportedMailId { get; init; }
    public long? OutgoingMailId { get; init; }
    public int Position { get; init; }
}
