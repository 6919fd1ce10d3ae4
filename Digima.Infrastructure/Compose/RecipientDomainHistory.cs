using Dapper;
using Digima.Core.Compose;
using Npgsql;

namespace Digima.Infrastructure.Compose;

/// <summary>The recipients' domains for 「送信の確認」, in one statement. "Written to" counts mail
/// sent from the app (not failed or cancelled) and mail imported from the rep's Sent folder (to or
/// cc a customer at the domain). Each EXISTS starts from the domain through an expression index
/// (migration 2026-12-08-0800) and stops at the first row of this rep.</summary>
internal sealed class RecipientDomainHistory(NpgsqlDataSource dataSource) : IRecipientDomainHistory
{
    /// <summary>Internal for the test that checks its plan uses the domain indexes.</summary>
    internal const string Sql = """
            WITH rep AS (
                SELECT EXISTS (SELECT 1 FROM outgoing_mails m WHERE m.user_id = @userId AND m.status NOT IN ('failed', 'cancelled'))
                    OR EXISTS (SELECT 1 FROM imported_mails i WHERE i.user_id = @userId AND i.direction = 'sent') AS has_sent_mail
            )
            SELECT d.domain,
                EXISTS (
                    SELECT 1 FROM outgoing_mail_recipients r JOIN outgoing_mails m ON m.id = r.mail_id
                    WHERE lower(split_part(r.email, '@', -1)) = d.domain
                      AND m.user_id = @userId AND m.status NOT IN ('failed', 'cancelled'))
                OR EXISTS (
                    SELECT 1 FROM customers c
                    JOIN imported_mail_customers ic ON ic.customer_id = c.id AND ic.role IN ('to', 'cc')
                    JOIN imported_mails i ON i.id = ic.mail_id
                    WHERE lower(split_part(c.email, '@', -1)) = d.domain
                      AND i.user_id = @userId AND i.direction = 'sent') AS written_to,
                EXISTS (SELECT 1 FROM users u WHERE lower(split_part(u.email, '@', -1)) = d.domain)
                OR EXISTS (SELECT 1 FROM mailboxes b WHERE lower(split_part(b.sender_address, '@', -1)) = d.domain) AS internal,
                rep.has_sent_mail
            FROM unnest(@domains) AS d (domain) CROSS JOIN rep
            """;

    public async Task<DomainHistory> GetAsync(long userId, IReadOnlyCollection<string> domains, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { userId, domains = domains.ToArray() }, cancellationToken: cancellationToken))).AsList();
        return new DomainHistory(
            rows.Where(r => r.WrittenTo).Select(r => r.Domain).ToHashSet(),
            rows.Where(r => r.Internal).Select(r => r.Domain).ToHashSet(),
            rows.Any(r => r.HasSentMail));
    }

    private sealed class Row
    {
        public string Domain { get; init; } = "";
        public bool WrittenTo { get; init; }
        public bool Internal { get; init; }
        public bool HasSentMail { get; init; }
    }
}
