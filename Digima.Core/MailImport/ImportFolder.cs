namespace Digima.Core.MailImport;

/// <summary>A folder a mailbox imports. The Inbox and the Sent folder are known by their kind
/// (their names are found on the server at each sync, as the Sent folder may be renamed); any
/// other folder by its full name on the server.</summary>
public sealed record ImportFolder
{
    private ImportFolder(MailFolderKind kind, string key)
    {
        Kind = kind;
        Key = key;
    }

    public static ImportFolder Inbox { get; } = new(MailFolderKind.Inbox, "");

    public static ImportFolder Sent { get; } = new(MailFolderKind.Sent, "");

    /// <summary>What a mailbox imports until its rep chooses.</summary>
    public static IReadOnlyList<ImportFolder> Default { get; } = [Inbox, Sent];

    public MailFolderKind Kind { get; }

    /// <summary>The full name of an <see cref="MailFolderKind.Other"/> folder; "" for the Inbox and Sent.</summary>
    public string Key { get; }

    /// <summary>Another folder, by its full name on the server.</summary>
    public static ImportFolder Named(string fullName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullName);
        return new ImportFolder(MailFolderKind.Other, fullName);
    }

    /// <summary>The folder as stored (kind code and key).</summary>
    public static ImportFolder Of(MailFolderKind kind, string key) => kind switch
    {
        MailFolderKind.Inbox => Inbox,
        MailFolderKind.Sent => Sent,
        _ => Named(key),
    };
}

/// <summary>A folder of the rep's mailbox as the server lists it (IMAP LIST), selectable.</summary>
/// <param name="FullName">The name on the server (for the Inbox, "INBOX").</param>
/// <param name="SpecialUse">The special use the server announces (RFC 6154, e.g. "Archive",
/// "Sent", "All", "Junk"); null for none.</param>
public sealed record ServerFolder(ImportFolder Folder, string FullName, string? SpecialUse);
