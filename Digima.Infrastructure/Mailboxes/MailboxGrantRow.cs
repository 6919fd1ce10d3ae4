using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>The OAuth grant columns of a mailboxes row, for Dapper (the whole row extends it).</summary>
internal class MailboxGrantRow
{
    public string AuthMethod { get; init; } = AuthMethods.Password;
    public string? OauthProvider { get; init; }
    public string? OauthRefreshTokenProtected { get; init; }
    public string? OauthAccessTokenProtected { get; init; }
    public DateTimeOffset? OauthAccessTokenExpiresAt { get; init; }
    public DateTimeOffset? OauthAccessTokenIssuedAt { get; init; }
    public DateTimeOffset? OauthConnectedAt { get; init; }
    public string? ReconnectRequiredReason { get; init; }
    public DateTimeOffset? ReconnectRequiredAt { get; init; }

    /// <summary>The grant, or null for a password mailbox.</summary>
    public StoredOAuthGrant? ToGrant() => OauthProvider is null || OauthRefreshTokenProtected is null
        ? null
        : new StoredOAuthGrant(
            OauthProvider,
            OauthRefreshTokenProtected,
            OauthAccessTokenProtected,
            OauthAccessTokenExpiresAt,
            OauthAccessTokenIssuedAt,
            OauthConnectedAt ?? DateTimeOffset.MinValue,
            ReconnectRequiredReason,
            ReconnectRequiredAt);
}

/// <summary>The codes of mailboxes.auth_method.</summary>
internal static class AuthMethods
{
    public const string Password = "password";
    public const string OAuth2 = "oauth2";
}
