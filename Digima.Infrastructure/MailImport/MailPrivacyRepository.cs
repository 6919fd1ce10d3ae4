using Dapper;
using Digima.Core.MailImport.Privacy;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

internal sealed class MailPrivacyRepository(NpgsqlDataSource dataSource) : IMailPrivacyRepository
{
    public async Task<bool> SetPrivateAsync(long ownerUserId, long mailId, bool isPrivate, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE imported_mails SET is_private = @isPrivate WHERE id = @mailId AND user_id = @ownerUserId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { ownerUserId, mailId, isPrivate }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> MakeCustomerMailPrivateAsync(long ownerUserId, long customerId, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE imported_mails m SET is_private = true
            WHERE m.user_id = @ownerUserId AND NOT m.is_private
              AND EXISTS (SELECT 1 FROM imported_mail_customers l WHERE l.mail_id = m.id AND l.customer_id = @customerId)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { ownerUserId, customerId }, cancellationToken: cancellationToken));
    }

    public async Task RecordBodyViewAsync(long viewerUserId, long importedMailId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mail_body_views (viewer_user_id, owner_user_id, imported_mail_id, subject, was_private, viewed_at)
            SELECT @viewerUserId, m.user_id, m.id, m.subject, m.is_private, @at FROM imported_mails m WHERE m.id = @importedMailId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { viewerUserId, importedMailId, at }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<MailBodyView>> ListBodyViewsAsync(int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT v.id, v.viewed_at, viewer.display_name AS viewer_name, owner.display_name AS owner_name, v.imported_mail_id AS mail_id,
                   v.subject, v.was_private
            FROM mail_body_views v
            JOIN users viewer ON viewer.id = v.viewer_user_id
            JOIN users owner ON owner.id = v.owner_user_id
            ORDER BY v.viewed_at DESC, v.id DESC
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, DateTimeOffset ViewedAt, string ViewerName, string OwnerName, long? MailId, string Subject, bool WasPrivate)>(
            new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new MailBodyView(r.Id, r.ViewedAt, r.ViewerName, r.OwnerName, r.MailId, r.Subject, r.WasPrivate)).ToList();
    }

    public async Task<IReadOnlyList<NeverImportEntry>> ListNeverImportAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT pattern, enabled FROM mail_never_import WHERE user_id = @userId ORDER BY pattern";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Pattern, bool Enabled)>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new NeverImportEntry(r.Pattern, r.Enabled)).ToList();
    }

    public async Task SaveNeverImportAsync(long userId, NeverImportEntry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mail_never_import (user_id, pattern, enabled, created_at) VALUES (@userId, @Pattern, @Enabled, @at)
            ON CONFLICT (user_id, pattern) DO UPDATE SET enabled = EXCLUDED.enabled
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, entry.Pattern, entry.Enabled, at }, cancellationToken: cancellationToken));
    }

    public async Task DeleteNeverImportAsync(long userId, string pattern, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM mail_never_import WHERE user_id = @userId AND pattern = @pattern";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, pattern }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<long>> NoticeColleaguesCustomersAsync(
        long userId, IReadOnlyCollection<long> customerIds, DateTimeOffset registeredSince, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Subject names the colleague who registered the customer; party names the customer.
        const string sql = """
            INSERT INTO notifications (user_id, kind, customer_id, subject, party, created_at)
            SELECT @userId, 'recentcustomermail', c.id, COALESCE(r.display_name, ''), btrim(c.last_name || ' ' || c.first_name), @at
            FROM customers c
            LEFT JOIN users r ON r.id = c.created_by_user_id
            WHERE c.id = ANY(@customerIds) AND c.created_by_user_id IS NOT NULL AND c.created_by_user_id <> @userId
              AND c.created_at >= @registeredSince
              AND EXISTS (SELECT 1 FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id
                          WHERE l.customer_id = c.id AND m.user_id = @userId AND NOT m.is_private)
              AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = @userId AND n.kind = 'recentcustomermail' AND n.customer_id = c.id)
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            sql, new { userId, customerIds = customerIds.ToArray(), registeredSince, at }, cancellationToken: cancellationToken));
        return ids.ToList();
    }
}
