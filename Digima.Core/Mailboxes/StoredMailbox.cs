namespace Digima.Core.Mailboxes;

/// <summary>A rep's mailbox as saved: passwords only in their protected (encrypted) form.</summary>
public sealed record StoredMailbox(
    long UserId,
    string SenderName,
    string SenderAddress,
    StoredMailServer Smtp,
    StoredMailServer Imap,
    bool SaveCopyToSent,
    string? SentFolderName,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The OAuth 2.0 grant the mailbox is reached with, or null for a password mailbox
    /// (whose servers then hold the protected passwords).</summary>
    public StoredOAuthGrant? OAuth { get; init; }

    /// <summary>Who files the copies of sent mail in Sent, learnt at the first send; a new mailbox
    /// (or one connected again) starts <see cref="SentCopyFiling.Unknown"/>.</summary>
    public SentCopyFiling SentCopies { get; init; }
}

/// <summary>A mailbox's OAuth 2.0 grant as saved: tokens only in their protected form
/// (<see cref="ISecretProtector.Protect"/>).</summary>
/// <param name="Provider">The name under <c>Digima:OAuth:Providers</c> that issued it.</param>
/// <param name="ReconnectRequiredReason">Set when the provider refused a refresh for good (「再接続が必要」).</param>
public sealed record StoredOAuthGrant(
    string Provider,
    string ProtectedRefreshToken,
    string? ProtectedAccessToken,
    DateTimeOffset? AccessTokenExpiresAt,
    DateTimeOffset? AccessTokenIssuedAt,
    DateTimeOffset ConnectedAt,
    string? ReconnectRequiredReason,
    DateTimeOffset? ReconnectRequiredAt);

/// <summary>One saved server login; <see cref="ProtectedPassword"/> is the output of
/// <see cref="ISecretProtector.Protect"/>, never the password itself.</summary>
public sealed record StoredMailServer(string Host, int Port, MailSecurity Security, string UserName, string ProtectedPassword)
{
    public MailServerKey Key => new(Host, Port, UserName);

    /// <summary>The saved password may stand in for an empty field only while the form names
    /// the same login (<see cref="MailServerKey.IsSameLogin"/>).</summary>
    public SavedPassword PasswordFor(MailServerInput input) =>
        Key.IsSameLogin(input.Key) ? SavedPassword.Usable : SavedPassword.ServerChanged;
}

/// <summary>Codes of <see cref="MailSecurity"/> in the database.</summary>
public static class MailSecurityCodes
{
    public const string SslOnConnect = "ssl";
    public const string StartTls = "starttls";
    public const string None = "none";

    public static string ToCode(this MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SslOnConnect,
        MailSecurity.StartTls => StartTls,
        MailSecurity.None => None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown security."),
    };

    /// <exception cref="ArgumentOutOfRangeException">The code is not one of the three.</exception>
    public static MailSecurity Parse(string code) => code switch
    {
        SslOnConnect => MailSecurity.SslOnConnect,
        StartTls => MailSecurity.StartTls,
        None => MailSecurity.None,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown security code."),
    };
}
