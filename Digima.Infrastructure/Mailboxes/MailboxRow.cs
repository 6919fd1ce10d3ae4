using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>The flat shape of a mailboxes row, for Dapper both ways.</summary>
internal sealed class MailboxRow : MailboxGrantRow
{
    public long UserId { get; init; }
    public string SenderName { get; init; } = "";
    public string SenderAddress { get; init; } = "";
    public string SmtpHost { get; init; } = "";
    public int SmtpPort { get; init; }
    public string SmtpSecurity { get; init; } = "";
    public string SmtpUserName { get; init; } = "";
    public string SmtpPasswordProtected { get; init; } = "";
    public string ImapHost { get; init; } = "";
    public int ImapPort { get; init; }
    public string ImapSecurity { get; init; } = "";
    public string ImapUserName { get; init; } = "";
    public string ImapPasswordProtected { get; init; } = "";
    public bool SaveCopyToSent { get; init; }
    public string? SentFolderName { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string SentCopyFiling { get; init; } = "unknown";

    public StoredMailbox ToMailbox() => new(
        UserId,
        SenderName,
        SenderAddress,
        new StoredMailServer(SmtpHost, SmtpPort, MailSecurityCodes.Parse(SmtpSecurity), SmtpUserName, SmtpPasswordProtected),
        new StoredMailServer(ImapHost, ImapPort, MailSecurityCodes.Parse(ImapSecurity), ImapUserName, ImapPasswordProtected),
        SaveCopyToSent,
        SentFolderName,
        UpdatedAt)
    {
        OAuth = AuthMethod == AuthMethods.OAuth2 ? ToGrant() : null,
        SentCopies = SentCopyFilingCodes.Parse(SentCopyFiling),
    };

    public static MailboxRow From(StoredMailbox m) => new()
    {
        UserId = m.UserId,
        SenderName = m.SenderName,
        SenderAddress = m.SenderAddress,
        SmtpHost = m.Smtp.Host,
        SmtpPort = m.Smtp.Port,
        SmtpSecurity = m.Smtp.Security.ToCode(),
        SmtpUserName = m.Smtp.UserName,
        SmtpPasswordProtected = m.Smtp.ProtectedPassword,
        ImapHost = m.Imap.Host,
        ImapPort = m.Imap.Port,
        ImapSecurity = m.Imap.Security.ToCode(),
        ImapUserName = m.Imap.UserName,
        ImapPasswordProtected = m.Imap.ProtectedPassword,
        SaveCopyToSent = m.SaveCopyToSent,
        SentFolderName = m.SentFolderName,
        UpdatedAt = m.UpdatedAt,
        SentCopyFiling = m.SentCopies.ToCode(),
        AuthMethod = m.OAuth is null ? AuthMethods.Password : AuthMethods.OAuth2,
        OauthProvider = m.OAuth?.Provider,
        OauthRefreshTokenProtected = m.OAuth?.ProtectedRefreshToken,
        OauthAccessTokenProtected = m.OAuth?.ProtectedAccessToken,
        OauthAccessTokenExpiresAt = m.OAuth?.AccessTokenExpiresAt,
        OauthAccessTokenIssuedAt = m.OAuth?.AccessTokenIssuedAt,
        OauthConnectedAt = m.OAuth?.ConnectedAt,
    };
}
