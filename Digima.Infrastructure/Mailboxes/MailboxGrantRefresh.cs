using Dapper;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>A fresh access token for an OAuth mailbox. The cached one is used while it has more than
/// the margin left (no query, no request: nothing per mail); otherwise it is refreshed once across
/// nodes: the refresher holds the mailbox row (<c>FOR UPDATE</c>) while it asks the provider, and a
/// caller that waited on the row finds the new token there and uses it.</summary>
internal sealed class MailboxGrantRefresh(
    NpgsqlDataSource dataSource, OAuthTokenClient client, ISecretProtector secrets, IOptions<OAuthOptions> options, TimeProvider time,
    NotifyReconnectRequiredCommand reconnectRequired, ILogger<MailboxGrantRefresh> logger)
{
    /// <summary>The access token and its expiry, or null when the mailbox was removed meanwhile.</summary>
    /// <exception cref="MailboxReconnectRequiredException">Marked 「再接続が必要」, now or before.</exception>
    /// <exception cref="MailboxTokenUnavailableException">The provider could not refresh it for now.</exception>
    /// <exception cref="SecretUnreadableException">The saved tokens cannot be decrypted.</exception>
    public async Task<(string Token, DateTimeOffset ExpiresAt)?> FreshAccessTokenAsync(long userId, StoredOAuthGrant read, CancellationToken cancellationToken) =>
        Usable(read) is { } cached ? cached : await RefreshAsync(userId, Usable, cancellationToken);

    /// <summary>Another access token after a mail server refused <paramref name="refused"/> before its
    /// expiry (revoked at the provider, say): refreshed now whatever its expiry, once across nodes: a
    /// caller that finds another token stored meanwhile takes that one.</summary>
    /// <returns>Null when the mailbox was removed meanwhile.</returns>
    /// <exception cref="MailboxReconnectRequiredException">The provider refused the grant for good.</exception>
    /// <exception cref="MailboxTokenUnavailableException">The provider could not refresh it for now.</exception>
    public Task<(string Token, DateTimeOffset ExpiresAt)?> RenewRefusedAsync(long userId, string refused, CancellationToken cancellationToken) =>
        RefreshAsync(userId, grant => Usable(grant) is ({ } token, var expires) && token != refused ? (token, expires) : null, cancellationToken);

    /// <param name="usable">The stored token when it may be used as it is (read under the row lock).</param>
    private async Task<(string Token, DateTimeOffset ExpiresAt)?> RefreshAsync(
        long userId, Func<StoredOAuthGrant, (string, DateTimeOffset)?> usable, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await LockGrantAsync(connection, transaction, userId, cancellationToken);
        if (locked is null)
        {
            return null;
        }

        if (usable(locked) is { } refreshedMeanwhile)
        {
            return refreshedMeanwhile;
        }

        OAuthTokens tokens;
        try
        {
            tokens = await client.RefreshAsync(locked.Provider, secrets.Unprotect(locked.ProtectedRefreshToken), cancellationToken);
        }
        catch (MailboxReconnectRequiredException e)
        {
            logger.LogWarning("The OAuth grant of user {UserId}'s mailbox was refused for good; marked for reconnecting: {Reason}", userId, e.Reason);
            await MarkReconnectRequiredAsync(connection, transaction, userId, e.Reason, time.GetUtcNow());
            await transaction.CommitAsync(CancellationToken.None);
            // Only here, under the row lock, is the mailbox marked: later uses find the mark and tell nothing.
            await reconnectRequired.NotifyAsync(userId, CancellationToken.None);
            throw;
        }

        await StoreRefreshedAsync(connection, transaction, userId, tokens);
        await transaction.CommitAsync(CancellationToken.None);
        logger.LogInformation("Refreshed the access token of user {UserId}'s mailbox, valid until {ExpiresAt:O}", userId, tokens.ExpiresAt);
        return (tokens.AccessToken, tokens.ExpiresAt);
    }

    /// <summary>The cached token while it has more than the margin left: <see cref="OAuthOptions.RefreshBefore"/>,
    /// at most half its lifetime (a five-minute token is not refreshed on every use).</summary>
    private (string, DateTimeOffset)? Usable(StoredOAuthGrant grant)
    {
        if (grant.ReconnectRequiredReason is { } reason)
        {
            throw new MailboxReconnectRequiredException(reason);
        }

        if (grant is not { ProtectedAccessToken: { } token, AccessTokenExpiresAt: { } expires, AccessTokenIssuedAt: { } issued })
        {
            return null;
        }

        var margin = TimeSpan.FromTicks(Math.Min(options.Value.RefreshBefore.Ticks, (expires - issued).Ticks / 2));
        return time.GetUtcNow() < expires - margin ? (secrets.Unprotect(token), expires) : null;
    }

    private static async Task<StoredOAuthGrant?> LockGrantAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long userId, CancellationToken cancellationToken)
    {
        // Waits while another node refreshes the same mailbox; reads its new token after.
        const string sql = """
            SELECT user_id, oauth_provider, oauth_refresh_token_protected, oauth_access_token_protected,
                   oauth_access_token_expires_at, oauth_access_token_issued_at, oauth_connected_at,
                   reconnect_required_reason, reconnect_required_at
            FROM mailboxes
            WHERE user_id = @userId AND auth_method = 'oauth2'
            FOR UPDATE
            """;
        var row = await connection.QuerySingleOrDefaultAsync<MailboxGrantRow>(
            new CommandDefinition(sql, new { userId }, transaction, cancellationToken: cancellationToken));
        return row?.ToGrant();
    }

    /// <summary>Not cancellable: a provider that rotates refresh tokens has already ended the old
    /// one, so the new one must be stored whatever the caller does now.</summary>
    private async Task StoreRefreshedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long userId, OAuthTokens tokens)
    {
        // A provider that rotates refresh tokens sends a new one; one that does not keeps the old.
        const string sql = """
            UPDATE mailboxes
            SET oauth_access_token_protected = @access, oauth_access_token_expires_at = @ExpiresAt,
                oauth_access_token_issued_at = @IssuedAt,
                oauth_refresh_token_protected = COALESCE(@refresh, oauth_refresh_token_protected)
            WHERE user_id = @userId
            """;
        var args = new
        {
            userId,
            access = secrets.Protect(tokens.AccessToken),
            refresh = tokens.RefreshToken is { } r ? secrets.Protect(r) : null,
            tokens.ExpiresAt,
            tokens.IssuedAt,
        };
        await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: CancellationToken.None));
    }

    private static Task MarkReconnectRequiredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long userId, string reason, DateTimeOffset now)
    {
        // The dead access token goes too: nothing may log in with a grant the provider ended.
        const string sql = """
            UPDATE mailboxes
            SET reconnect_required_reason = @reason, reconnect_required_at = @now,
                oauth_access_token_protected = NULL, oauth_access_token_expires_at = NULL, oauth_access_token_issued_at = NULL
            WHERE user_id = @userId
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { userId, reason, now }, transaction, cancellationToken: CancellationToken.None));
    }
}
