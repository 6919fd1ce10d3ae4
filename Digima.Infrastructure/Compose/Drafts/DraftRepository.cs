using Dapper;
using Digima.Core.Compose.Drafts;
using Npgsql;

namespace Digima.Infrastructure.Compose.Drafts;

/// <summary>mail_drafts: one row per draft, the content as jsonb. A save is one small UPDATE
/// guarded by the owner and the version (the autosave's round trip is what reps wait on).</summary>
internal sealed partial class DraftRepository(NpgsqlDataSource dataSource) : IDraftRepository
{
    public async Task<long> InsertAsync(long userId, DraftContent content, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mail_drafts (user_id, version, content, subject, to_names, other_recipients, created_at, updated_at)
            VALUES (@userId, 1, CAST(@content AS jsonb), @subject, @toNames, @otherRecipients, @savedAt, @savedAt)
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql, Parameters(new { userId, savedAt }, content), cancellationToken: cancellationToken));
    }

    public async Task<int?> UpdateAsync(long id, long userId, int expectedVersion, DraftContent content, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mail_drafts
            SET version = version + 1, content = CAST(@content AS jsonb), subject = @subject, to_names = @toNames,
                other_recipients = @otherRecipients, updated_at = @savedAt
            WHERE id = @id AND user_id = @userId AND version = @expectedVersion
            RETURNING version
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            sql, Parameters(new { id, userId, expectedVersion, savedAt }, content), cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(long id, long userId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM mail_drafts WHERE id = @id AND user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, userId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The content, and what the list shows copied out of it on every save.</summary>
    private static DynamicParameters Parameters(object keys, DraftContent content)
    {
        var parameters = new DynamicParameters(keys);
        parameters.Add("content", DraftJson.Serialize(content));
        parameters.Add("subject", content.Input.Subject);
        parameters.Add("toNames", content.Input.To.Select(r => r.DisplayName.Length > 0 ? r.DisplayName : r.Email).ToArray());
        parameters.Add("otherRecipients", content.Input.Cc.Count + content.Input.Bcc.Count);
        return parameters;
    }
}
