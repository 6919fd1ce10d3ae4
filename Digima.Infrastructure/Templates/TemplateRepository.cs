using Dapper;
using Digima.Core.Templates;
using Npgsql;

namespace Digima.Infrastructure.Templates;

internal sealed class TemplateRepository(NpgsqlDataSource dataSource, TimeProvider clock) : ITemplateRepository
{
    private const string Columns = """
        t.id, t.owner_user_id, u.display_name AS owner_name, t.name, t.subject, t.body, t.is_shared, t.updated_at
        """;

    public async Task<IReadOnlyList<MailTemplate>> ListVisibleAsync(long userId, string? text, int limit, CancellationToken cancellationToken)
    {
        // strpos rather than LIKE: what the rep types (%, _) is matched literally, no escaping.
        const string sql = $"""
            SELECT {Columns}
            FROM mail_templates t
            JOIN users u ON u.id = t.owner_user_id
            WHERE (t.owner_user_id = @userId OR t.is_shared)
              AND (@text = '' OR strpos(lower(t.name || E'\n' || t.subject), lower(@text)) > 0)
            ORDER BY t.name, t.id
            LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MailTemplate>(
            new CommandDefinition(sql, new { userId, text = text ?? "", limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<MailTemplate?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM mail_templates t JOIN users u ON u.id = t.owner_user_id WHERE t.id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailTemplate>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<long> InsertAsync(MailTemplate template, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mail_templates (owner_user_id, name, subject, body, is_shared, created_at, updated_at)
            VALUES (@OwnerUserId, @Name, @Subject, @Body, @IsShared, @now, @now)
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { template.OwnerUserId, template.Name, template.Subject, template.Body, template.IsShared, now = clock.GetUtcNow() };
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateAsync(MailTemplate template, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mail_templates
            SET name = @Name, subject = @Subject, body = @Body, is_shared = @IsShared, updated_at = @now
            WHERE id = @Id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { template.Id, template.Name, template.Subject, template.Body, template.IsShared, now = clock.GetUtcNow() };
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM mail_templates WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken)) == 1;
    }
}
