namespace Digima.Core.Mailboxes;

/// <summary>How a mail server connection is secured. <see cref="None"/> is allowed for loopback
/// hosts only (local development servers).</summary>
public enum MailSecurity
{
    SslOnConnect,
    StartTls,
    None,
}

/// <summary>One server login of a rep's mailbox, with the password in clear: only the send and
/// import paths hold this, never a page.</summary>
public sealed record MailServerLogin(string Host, int Port, MailSecurity Security, string UserName, string Password)
{
    /// <summary>Never the password: records print every member, and these end up in logs.</summary>
    public override string ToString() => $"{UserName}@{Host}:{Port} ({Security})";
}

/// <summary>A rep's own mailbox (R1, R2): mail from this app leaves through <see cref="Smtp"/>,
/// and a copy goes to the IMAP Sent folder when <see cref="SaveCopyToSent"/> is on.</summary>
public sealed record MailboxConnection(
    long UserId,
    string SenderAddress,
    string SenderName,
    MailServerLogin Smtp,
    MailServerLogin Imap,
    bool SaveCopyToSent,
    string? SentFolderName);

/// <summary>Reads a rep's mailbox connection with its passwords decrypted.</summary>
public interface IMailboxConnections
{
    /// <summary>The connection of the user's mailbox, or null when the user has not connected one.</summary>
    Task<MailboxConnection?> GetAsync(long userId, CancellationToken cancellationToken);
}
