using Digima.Core.Compose;
using Npgsql;

namespace Digima.Infrastructure.Compose;

/// <summary>Recipient search over a million customers in a few milliseconds (design and figures:
/// docs/decisions/0002-recipient-search-indexes.md, docs/benchmarks.md). A customer matches when
/// a folded field contains the text, except that 1-2 characters match an email only at its
/// start. Customers whose field starts with the text come first, smallest key first; the infix
/// steps run only while the page is not full, so typing the start of a name costs one statement.</summary>
internal sealed class RecipientSearch(NpgsqlDataSource dataSource) : IRecipientSearch
{
    public async Task<IReadOnlyList<RecipientMatch>> SearchAsync(string foldedText, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(foldedText);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var prefix = await RecipientSearchStatements.QueryAsync(connection, RecipientSearchSql.Prefix, cancellationToken,
            ("from", foldedText), ("to", PrefixRange.UpperBound(foldedText)), ("limit", limit));
        if (prefix.Count == limit)
        {
            return prefix;
        }

        var infix = new List<RecipientMatch>();
        var isShort = PrefixRange.CharacterCount(foldedText) <= 2;
        infix.AddRange(await RecipientSearchStatements.QueryAsync(connection, RecipientSearchSql.Sample, cancellationToken,
            ("text", foldedText), ("short", isShort), ("found", Ids(prefix, infix)), ("limit", limit - prefix.Count)));
        if (prefix.Count + infix.Count < limit)
        {
            var (sql, argument) = isShort
                ? (RecipientSearchSql.Grams, ("text", (object)foldedText))
                : (RecipientSearchSql.Trigrams, ("pattern", (object)$"%{EscapeLike(foldedText)}%"));
            infix.AddRange(await RecipientSearchStatements.QueryAsync(connection, sql, cancellationToken,
                argument, ("found", Ids(prefix, infix)), ("limit", limit - prefix.Count - infix.Count)));
        }

        // The infix matches have no key to rank by: show them in kana order, names without kana last.
        return [.. prefix, .. infix.OrderBy(m => m.FullNameKana.Length == 0).ThenBy(m => m.FullNameKana, StringComparer.Ordinal).ThenBy(m => m.CustomerId)];
    }

    private static long[] Ids(IEnumerable<RecipientMatch> first, IEnumerable<RecipientMatch> second) =>
        first.Concat(second).Select(m => m.CustomerId).ToArray();

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
