namespace Digima.Core.Mailboxes;

/// <summary>What a rep types on 「メールボックス連携」. An empty password keeps the saved one,
/// as long as the host, port and user name it was saved for are unchanged.</summary>
public sealed class MailboxInput
{
    public MailServerInput Smtp { get; set; } = new() { Port = MailPorts.SmtpSubmissionTls, Security = MailSecurity.SslOnConnect };
    public MailServerInput Imap { get; set; } = new() { Port = MailPorts.ImapTls, Security = MailSecurity.SslOnConnect };
    public string SenderName { get; set; } = "";
    public string SenderAddress { get; set; } = "";

    /// <summary>Off for providers that file sent mail into Sent themselves (the copy would be doubled).</summary>
    public bool SaveCopyToSent { get; set; } = true;

    /// <summary>The Sent folder found by the last successful 接続テスト of these IMAP settings,
    /// or null to keep the saved one (dropped when the IMAP server or user changes).</summary>
    public string? SentFolderName { get; set; }

    /// <summary>A copy with the surrounding spaces removed from every field but the passwords
    /// (a password may really start or end with a space).</summary>
    public MailboxInput Trimmed() => new()
    {
        Smtp = Smtp.Trimmed(),
        Imap = Imap.Trimmed(),
        SenderName = SenderName?.Trim() ?? "",
        SenderAddress = SenderAddress?.Trim() ?? "",
        SaveCopyToSent = SaveCopyToSent,
        SentFolderName = string.IsNullOrWhiteSpace(SentFolderName) ? null : SentFolderName,
    };
}

/// <summary>One server of the mailbox form (SMTP or IMAP).</summary>
public sealed class MailServerInput
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;
    public string UserName { get; set; } = "";

    /// <summary>Empty keeps the saved password (see <see cref="SavedPassword"/>).</summary>
    public string Password { get; set; } = "";

    /// <summary>Whether a saved password can stand in for an empty <see cref="Password"/>. Set by
    /// the use cases from the database; whatever a page puts here is overwritten.</summary>
    public SavedPassword SavedPassword { get; set; }

    /// <summary>Which server and login this is, to tell whether a saved password or Sent
    /// folder still belongs to it.</summary>
    public MailServerKey Key => new(Host, Port, UserName);

    internal MailServerInput Trimmed() => new()
    {
        Host = Host?.Trim() ?? "",
        Port = Port,
        Security = Security,
        UserName = UserName?.Trim() ?? "",
        Password = Password ?? "",
    };
}

/// <summary>A saved password for one server of the form.</summary>
public enum SavedPassword
{
    /// <summary>Nothing saved yet: a password must be typed.</summary>
    None,

    /// <summary>Saved for this host, port and user name: an empty field keeps it.</summary>
    Usable,

    /// <summary>Saved for another host, port or user name: it must be typed again, so a changed
    /// endpoint never receives the password saved for the old one.</summary>
    ServerChanged,
}

/// <summary>Host (case-insensitive), port and user name of a login.</summary>
public sealed record MailServerKey
{
    public MailServerKey(string host, int port, string userName)
    {
        Host = (host ?? "").Trim().ToLowerInvariant();
        Port = port;
        UserName = (userName ?? "").Trim();
    }

    public string Host { get; }
    public int Port { get; }
    public string UserName { get; }

    /// <summary>Same host, port and user name: a saved password still belongs to this login.
    /// Another port is another endpoint (perhaps not even a mail server), so the saved password
    /// is never sent there; only the security may change.</summary>
    public bool IsSameLogin(MailServerKey other) =>
        other is not null && Host == other.Host && Port == other.Port && UserName == other.UserName;
}
