namespace Digima.Core.Mailboxes;

/// <summary>How a mail server connection is secured. <see cref="None"/> is allowed for loopback
/// hosts only (local development servers).</summary>
public enum MailSecurity
{
    SslOnConnect,
    StartTls,
    None,
}

/// <summary>How a mailbox proves who it is to its servers.</summary>
public enum MailCredentialKind
{
    Password,

    /// <summary>An OAuth 2.0 access token (SASL XOAUTH2), refreshed from the mailbox's grant.</summary>
    OAuth2,
}

/// <summary>One server login of a rep's mailbox, with the secret in clear: only the send and
/// import paths hold this, never a page. <see cref="Password"/> is the password, or for
/// <see cref="MailCredentialKind.OAuth2"/> the access token, good until <see cref="ValidUntil"/>.</summary>
public sealed record MailServerLogin(string Host, int Port, MailSecurity Security, string UserName, string Password)
{
    public MailCredentialKind Kind { get; init; } = MailCredentialKind.Password;

    /// <summary>When the access token expires; null for a password, which does not.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The user whose mailbox grant issued the access token: a token the server refuses
    /// while still valid (revoked at the provider) is renewed from that grant, once per login.</summary>
    public long? TokenOwnerId { get; init; }

    public static MailServerLogin WithAccessToken(string host, int port, MailSecurity security, string userName, string accessToken, DateTimeOffset validUntil) =>
        new(host, port, security, userName, accessToken) { Kind = MailCredentialKind.OAuth2, ValidUntil = validUntil };

    /// <summary>Never the password or token: records print every member, and these end up in logs.</summary>
    public override string ToString() => $"{UserName}@{Host}:{Port} ({Security}, {Kind})";
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
    string? SentFolderName)
{
    /// <summary>Whether the mail server or the app puts that copy there, as far as is known.</summary>
    public SentCopyFiling SentCopies { get; init; }
}

/// <summary>Reads a rep's mailbox connection with its passwords decrypted.</summary>
public interface IMailboxConnections
{
    /// <summary>The connection of the user's mailbox, or null when the user has not connected one.</summary>
    Task<MailboxConnection?> GetAsync(long userId, CancellationToken cancellationToken);
}
