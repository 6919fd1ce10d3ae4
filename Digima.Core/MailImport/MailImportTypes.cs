namespace Digima.Core.MailImport;

/// <summary>What a folder imported from a rep's mailbox is (R18): the Inbox, the Sent folder, or
/// another folder the rep chose (an archive, a folder filled by a rule, a Gmail label).</summary>
public enum MailFolderKind
{
    Inbox,
    Sent,
    Other,
}

/// <summary>The tab an imported mail is listed under (R19): 「受信済み」 or 「送信」.</summary>
public enum MailDirection
{
    Received,
    Sent,
}

/// <summary>One address of a mail header, with its display name ("" when none).</summary>
public sealed record MailParty(string Address, string Name);

/// <summary>An attachment as listed on the preview: file name and decoded size in bytes. The
/// list of an imported mail names every attachment; each is stored (<see cref="FileId"/>) or says
/// why not (<see cref="NotStored"/>).</summary>
public sealed record MailAttachment(string Name, long Size)
{
    /// <summary>The stored file (<c>GET /attachments/{id}</c>); null when not stored.</summary>
    public long? FileId { get; init; }

    /// <summary>Why the file was not stored (<see cref="AttachmentNotStored"/>); null when it was,
    /// and for mail imported before attachments were stored.</summary>
    public string? NotStored { get; init; }
}

/// <summary>Why an attachment of an imported mail was not stored.</summary>
public static class AttachmentNotStored
{
    /// <summary>Over what is kept of one mail (<c>Digima:Attachments:ImportMaxBytesPerMail</c>).</summary>
    public const string TooLarge = "too-large";

    /// <summary>Its content could not be decoded.</summary>
    public const string Unreadable = "unreadable";
}

/// <summary>Values of 直近顧客行動タイプ set by mail.</summary>
public static class CustomerActionTypes
{
    /// <summary>The customer sent the rep a mail (R24).</summary>
    public const string MailReceived = "メール受信";
}

internal static class MailImportCodes
{
    public static string Code(this MailFolderKind kind) => kind switch
    {
        MailFolderKind.Inbox => "inbox",
        MailFolderKind.Sent => "sent",
        _ => "other",
    };

    public static string Code(this MailDirection direction) => direction == MailDirection.Received ? "received" : "sent";
}
