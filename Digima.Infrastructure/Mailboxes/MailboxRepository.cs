using Dapper;
using Digima.Core.Mailboxes;
using Npgsql;

namespace Digima.Infrastructure.Mailboxes;

internal sealed class MailboxRepository(NpgsqlDataSource dataSource) : IMailboxRepository
{
    public async Task<StoredMailbox?> GetAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT user_id, sender_name, sender_address,
                   smtp_host, smtp_port, smtp_security, smtp_user_name, smtp_password_protected,
                   imap_host, imap_port, imap_security, imap_user_name, imap_password_protected,
                   save_copy_to_sent, sent_folder_name, updated_at,
                   auth_method, oauth_provider, oauth_refresh_token_protected, oauth_access_token_protected,
                   oauth_access_token_expires_at, oauth_access_token_issued_at, oauth_connected_at,
                   reconnect_required_reason, reconnect_required_at, sent_copy_filing
            FROM mailboxes
            WHERE user_id = @userId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MailboxRow>(
            new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return row?.ToMailbox();
    }

    public async Task SaveAsync(StoredMailbox mailbox, CancellationToken cancellationToken)
    {
        // One statement for both kinds: a password mailbox clears any grant, an OAuth one has ''
        // for passwords (see the migration); either way 「再接続が必要」 is cleared.
        const string sql = """
            INSERT INTO mailboxes (user_id, sender_name, sender_address,
                                   smtp_host, smtp_port, smtp_security, smtp_user_name, smtp_password_protected,
                                   imap_host, imap_port, imap_security, imap_user_name, imap_password_protected,
                                   save_copy_to_sent, sent_folder_name, created_at, updated_at,
                                   auth_method, oauth_provider, oauth_refresh_token_protected, oauth_access_token_protected,
                                   oauth_access_token_expires_at, oauth_access_token_issued_at, oauth_connected_at,
                                   sent_copy_filing)
            VALUES (@UserId, @SenderName, @SenderAddress,
                    @SmtpHost, @SmtpPort, @SmtpSecurity, @SmtpUserName, @SmtpPasswordProtected,
                    @ImapHost, @ImapPort, @ImapSecurity, @ImapUserName, @ImapPasswordProtected,
                    @SaveCopyToSent, @SentFolderName, @UpdatedAt, @UpdatedAt,
                    @AuthMethod, @OauthProvider, @OauthRefreshTokenProtected, @OauthAccessTokenProtected,
                    @OauthAccessTokenExpiresAt, @OauthAccessTokenIssuedAt, @OauthConnectedAt,
                    @SentCopyFiling)
            ON CONFLICT (user_id) DO UPDATE SET
                sender_name = excluded.sender_name, sender_address = excluded.sender_address,
                smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port, smtp_security = excluded.smtp_security,
                smtp_user_name = excluded.smtp_user_name, smtp_password_protected = excluded.smtp_password_protected,
                imap_host = excluded.imap_host, imap_port = excluded.imap_port, imap_security = excluded.imap_security,
                imap_user_name = excluded.imap_user_name, imap_password_protected = excluded.imap_password_protected,
                save_copy_to_sent = excluded.save_copy_to_sent, sent_folder_name = excluded.sent_folder_name,
                updated_at = excluded.updated_at,
                auth_method = excluded.auth_method, oauth_provider = excluded.oauth_provider,
                oauth_refresh_token_protected = excluded.oauth_refresh_token_protected,
                oauth_access_token_protected = excluded.oauth_access_token_protected,
                oauth_access_token_expires_at = excluded.oauth_access_token_expires_at,
                oauth_access_token_issued_at = excluded.oauth_access_token_issued_at,
                oauth_connected_at = excluded.oauth_connected_at,
                sent_copy_filing = excluded.sent_copy_filing,
                reconnect_required_reason = NULL, reconnect_required_at = NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, MailboxRow.From(mailbox), cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM mailboxes WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsAnotherUsersAsync(string address, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT EXISTS (
                SELECT 1 FROM mailboxes
                WHERE user_id <> @userId
                  AND lower(@address) IN (lower(sender_address), lower(smtp_user_name), lower(imap_user_name)))
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { address, userId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> SetSentFolderAsync(long userId, MailServerKey testedImap, string sentFolderName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The key's host is lower-cased; the saved host keeps the rep's spelling. Who files the
        // copies in another folder is not known.
        const string sql = """
            UPDATE mailboxes
            SET sent_folder_name = @sentFolderName, updated_at = @now, sent_copy_filing = 'unknown'
            WHERE user_id = @userId AND lower(imap_host) = @Host AND imap_port = @Port AND imap_user_name = @UserName
              AND sent_folder_name IS DISTINCT FROM @sentFolderName
            """;
        var args = new { userId, sentFolderName, now, testedImap.Host, testedImap.Port, testedImap.UserName };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RememberSentCopiesAsync(MailboxConnection mailbox, SentCopyFiling filing, CancellationToken cancellationToken)
    {
        // Not updated_at: that says when the rep saved the settings, and this is the app's finding.
        const string sql = """
            UPDATE mailboxes
            SET sent_copy_filing = @filing
            WHERE user_id = @UserId AND sent_copy_filing = 'unknown'
              AND lower(smtp_host) = @smtpHost AND smtp_port = @smtpPort AND smtp_user_name = @smtpUserName
              AND lower(imap_host) = @imapHost AND imap_port = @imapPort AND imap_user_name = @imapUserName
              AND sent_folder_name IS NOT DISTINCT FROM @SentFolderName
            """;
        var (smtp, imap) = (new MailServerKey(mailbox.Smtp.Host, mailbox.Smtp.Port, mailbox.Smtp.UserName), new MailServerKey(mailbox.Imap.Host, mailbox.Imap.Port, mailbox.Imap.UserName));
        var args = new
        {
            mailbox.UserId, mailbox.SentFolderName, filing = filing.ToCode(),
            smtpHost = smtp.Host, smtpPort = smtp.Port, smtpUserName = smtp.UserName,
            imapHost = imap.Host, imapPort = imap.Port, imapUserName = imap.UserName,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
    }
}
