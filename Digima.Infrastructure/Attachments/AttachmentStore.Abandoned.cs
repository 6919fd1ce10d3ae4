using Dapper;

namespace Digima.Infrastructure.Attachments;

internal sealed partial class AttachmentStore
{
    public async Task<int> DeleteAbandonedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        // A draft holds its files as ids in its content (Input.Attachments[].FileId): a loose
        // file one of its owner's drafts names is kept however old. Batches of 1,000 keep each
        // statement's locks short; chunks go by cascade.
        const string sql = """
            DELETE FROM stored_files
            WHERE id IN (
                SELECT f.id FROM stored_files f
                WHERE f.imported_mail_id IS NULL AND f.outgoing_mail_id IS NULL AND f.template_id IS NULL
                  AND f.created_at < @createdBefore
                  AND NOT EXISTS (
                      SELECT 1 FROM mail_drafts d, jsonb_array_elements(COALESCE(d.content -> 'Input' -> 'Attachments', '[]'::jsonb)) a
                      WHERE d.user_id = f.owner_user_id AND (a ->> 'FileId')::bigint = f.id)
                LIMIT 1000)
            """;
        var deleted = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int batch;
        do
        {
            batch = await connection.ExecuteAsync(new CommandDefinition(sql, new { createdBefore }, cancellationToken: cancellationToken));
            deleted += batch;
        }
        while (batch == 1000);

        return deleted;
    }
}
