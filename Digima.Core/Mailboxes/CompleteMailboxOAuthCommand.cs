using Digima.Core.Common;
using Digima.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Mailboxes;

/// <summary>The provider's redirect back to the settings page: checks the state, exchanges the code
/// and saves the rep's mailbox with the grant, the provider's servers and the account's address as
/// login and sender, then runs 「接続テスト」 on it at once. Nothing is stored unless all checks pass.</summary>
public sealed class CompleteMailboxOAuthCommand(
    IOAuthStartRepository starts,
    IOAuthProviders providers,
    OAuthAccountCheck accounts,
    IMailboxRepository mailboxes,
    IMailboxConnections connections,
    IMailServerProbe probe,
    ISecretProtector secrets,
    ReleaseMailboxHeldMailCommand heldMail,
    TimeProvider clock,
    ILogger<CompleteMailboxOAuthCommand> logger)
{
    /// <param name="code">Null when the provider sent an error instead (the rep declined).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<OAuthConnectResult> CompleteAsync(CurrentUser actor, string? state, string? code, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        if (string.IsNullOrEmpty(state) || await starts.TakeAsync(state, actor.Id, now, cancellationToken) is not { } start)
        {
            logger.LogWarning("OAuth redirect for user {UserId} with an unknown, used, expired or another user's state", actor.Id);
            return new(OAuthConnectStatus.StateRefused);
        }

        if (string.IsNullOrEmpty(code))
        {
            return new(OAuthConnectStatus.Declined);
        }

        OAuthTokens tokens;
        try
        {
            tokens = await providers.ExchangeCodeAsync(start.Provider, code, secrets.Unprotect(start.ProtectedCodeVerifier), redirectUri, cancellationToken);
        }
        catch (MailboxReconnectRequiredException e)
        {
            logger.LogWarning("OAuth provider {Provider} refused the code of user {UserId}: {Reason}", start.Provider, actor.Id, e.Message);
            return new(OAuthConnectStatus.CodeRefused);
        }
        catch (MailboxTokenUnavailableException e)
        {
            logger.LogError(e, "OAuth provider {Provider} could not exchange the code of user {UserId}", start.Provider, actor.Id);
            return new(OAuthConnectStatus.ProviderUnavailable);
        }

        if (tokens.Account is not { Length: > 0 } account || tokens.RefreshToken is not { Length: > 0 } refresh)
        {
            // Without the address there is no login to use; without a refresh token the mailbox
            // would stop within the hour. Either way the grant is of no use: give it back.
            await providers.RevokeAsync(start.Provider, tokens.AccessToken, cancellationToken);
            return new(OAuthConnectStatus.AccountUnknown);
        }

        if (await accounts.IsAnotherUsersAsync(actor.Id, account, cancellationToken))
        {
            logger.LogWarning("OAuth account of user {UserId} at {Provider} is another user's mailbox or sign-in; refused and revoked", actor.Id, start.Provider);
            // Revoking the refresh token ends the whole grant (RFC 7009 2.1).
            await providers.RevokeAsync(start.Provider, refresh, cancellationToken);
            return new(OAuthConnectStatus.AccountInUse, account);
        }

        await SaveAsync(actor, start.Provider, account, tokens, refresh, now, cancellationToken);
        await heldMail.ReleaseAsync(actor.Id, cancellationToken);
        return new(OAuthConnectStatus.Connected, account, await TestAsync(actor.Id, cancellationToken));
    }

    private async Task SaveAsync(CurrentUser actor, string provider, string account, OAuthTokens tokens, string refresh, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var info = providers.All.Single(p => p.Name == provider);
        var saved = await mailboxes.GetAsync(actor.Id, cancellationToken);
        StoredMailServer Server(MailServerPreset preset) => new(preset.Host, preset.Port, preset.Security, account, "");
        await mailboxes.SaveAsync(
            new StoredMailbox(actor.Id, saved?.SenderName ?? actor.DisplayName, account, Server(info.Smtp), Server(info.Imap), saved?.SaveCopyToSent ?? true, null, now)
            {
                OAuth = new StoredOAuthGrant(
                    provider, secrets.Protect(refresh), secrets.Protect(tokens.AccessToken), tokens.ExpiresAt, tokens.IssuedAt, now, null, null),
            },
            cancellationToken);
    }

    /// <summary>「接続テスト」 with the saved grant, through the same credential source as sending.</summary>
    private async Task<MailboxTestReport?> TestAsync(long userId, CancellationToken cancellationToken)
    {
        if (await connections.GetAsync(userId, cancellationToken) is not { } connection)
        {
            return null;
        }

        var (smtp, imap) = (await probe.ProbeSmtpAsync(connection.Smtp, cancellationToken), await probe.ProbeImapAsync(connection.Imap, cancellationToken));
        logger.LogInformation("Mailbox test of user {UserId} after connecting with OAuth: SMTP {SmtpStatus} {SmtpDetail}, IMAP {ImapStatus} {ImapDetail}",
            userId, smtp.Status, smtp.Detail, imap.Status, imap.Detail);
        var report = new MailboxTestReport(smtp with { Detail = null }, imap with { Detail = null }, Key(connection.Smtp), Key(connection.Imap));
        if (report.Imap is { Succeeded: true, SentFolderName: { } folder })
        {
            await mailboxes.SetSentFolderAsync(userId, report.TestedImap, folder, clock.GetUtcNow(), cancellationToken);
        }

        return report;
    }

    private static MailServerKey Key(MailServerLogin login) => new(login.Host, login.Port, login.UserName);
}

/// <summary>How connecting a mailbox with OAuth 2.0 ended; the settings page shows it.</summary>
public enum OAuthConnectStatus
{
    Connected,

    /// <summary>Forged, replayed, expired or another user's state: nothing was exchanged.</summary>
    StateRefused,

    /// <summary>The rep declined at the provider.</summary>
    Declined,

    /// <summary>The provider refused the code (used before, expired, or not issued for this flow).</summary>
    CodeRefused,

    /// <summary>The tokens name no account of this app's client, or come without a refresh token.</summary>
    AccountUnknown,

    ProviderUnavailable,

    /// <summary>The account is another user's here (their mailbox or sign-in): nothing stored, the grant revoked.</summary>
    AccountInUse,
}

/// <param name="Test">The connection test run right after connecting; null when none could run.</param>
public sealed record OAuthConnectResult(OAuthConnectStatus Status, string? Account = null, MailboxTestReport? Test = null);
