using Dapper;
using Digima.Core.Common;
using Digima.Core.Compose.Drafts;

namespace Digima.Infrastructure.Compose.Drafts;

/// <summary>The read side of the drafts: one to reopen, and the list.</summary>
internal sealed partial class DraftRepository
{
    public async Task<MailDraft?> GetAsync(long id, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, user_id, version, content::text AS content, created_at, updated_at
            FROM mail_drafts WHERE id = @id AND user_id = @userId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(sql, new { id, userId }, cancellationToken: cancellationToken));
        return row is null ? null : new MailDraft(row.Id, row.UserId, row.Version, DraftJson.Deserialize(row.Content), row.CreatedAt, row.UpdatedAt);
    }

    public async Task<PagedResult<DraftSummary>> ListAsync(long userId, int offset, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, subject, to_names, other_recipients, updated_at, count(*) OVER () AS total_count
            FROM mail_drafts WHERE user_id = @userId
            ORDER BY updated_at DESC, id DESC
            LIMIT @limit OFFSET @offset
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, new { userId, limit, offset }, cancellationToken: cancellationToken))).AsList();
        return new PagedResult<DraftSummary>(
            rows.Select(r => new DraftSummary(r.Id, r.Subject, r.ToNames, r.OtherRecipients, r.UpdatedAt)).ToList(),
            rows.Count == 0 ? 0 : (int)rows[0].TotalCount);
    }

    private sealed class DraftRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public int Version { get; init; }
        public string Content { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed class SummaryRow
    {
        public long Id { get; init; }
        public string Subject { get; init; } = "";
        public string[] ToNames { get; init; } = [];
        public int OtherRecipients { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public long TotalCount { get; init; }
    }
}
