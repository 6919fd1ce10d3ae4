using Dapper;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Npgsql;

namespace Digima.Infrastructure.Compose;

/// <summary>Recipient search over the customers' folded search text: prefix of any field first.</summary>
internal sealed class RecipientSearch(NpgsqlDataSource dataSource) : IRecipientSearch
{
    public async Task<IReadOnlyList<RecipientMatch>> SearchAsync(string foldedText, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS customer_id,
                   CASE WHEN first_name = '' THEN last_name ELSE last_name || ' ' || first_name END AS full_name,
                   trim(last_name_kana || ' ' || first_name_kana) AS full_name_kana,
                   company, email
            FROM customers
            WHERE search_text LIKE @anywhere
            ORDER BY search_text LIKE @prefix DESC, last_name_kana, first_name_kana, id
            LIMIT @limit
            """;
        var escaped = foldedText.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var args = new { anywhere = $"%{escaped}%", prefix = $"%{CustomerSearchText.FieldSeparator}{escaped}%", limit };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecipientMatch>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
