using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Infrastructure.Customers;
using Digima.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure.Compose;

/// <summary>Recipient search over a million customers in a few milliseconds (design and figures:
/// docs/decisions/0002-recipient-search-indexes.md, docs/benchmarks.md). A customer matches when
/// a folded field contains the text, except that 1-2 characters match an email only at its
/// start. Customers whose field starts with the text come first, smallest key first; the infix
/// steps run only while the page is not full, so typing the start of a name costs one statement.</summary>
internal sealed class RecipientSearch(IOptions<DatabaseOptions> options) : IRecipientSearch, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = SearchDataSource(options.Value.ConnectionString);

    public async Task<IReadOnlyList<RecipientMatch>> SearchAsync(string foldedText, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(foldedText);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        var (romajiFrom, romajiTo) = CustomerReadingRanges.Range(RomajiKey.Of(foldedText));
        var prefix = await RecipientSearchStatements.QueryAsync(connection, RecipientSearchSql.Prefix(limit), cancellationToken,
            ("from", foldedText), ("to", PrefixRange.UpperBound(foldedText)), ("romajiFrom", romajiFrom), ("romajiTo", romajiTo));
        if (prefix.Count == limit)
        {
            return prefix;
        }

        // The infix statements ask for a full page each (one statement text per limit, see
        // RecipientSearchSql) and the surplus is dropped here.
        var isShort = PrefixRange.CharacterCount(foldedText) <= 2;
        var infix = await RecipientSearchStatements.QueryAsync(connection, RecipientSearchSql.Sample(limit), cancellationToken,
            ("text", foldedText), ("short", isShort), ("found", Ids(prefix)));
        if (prefix.Count + infix.Count < limit)
        {
            var (sql, argument) = isShort
                ? (RecipientSearchSql.Grams(limit), ("text", (object)foldedText))
                : foldedText.Contains('@', StringComparison.Ordinal)
                    ? (RecipientSearchSql.EmailTrigrams(limit), ("pattern", (object)$"%{EscapeLike(RecipientSearchSql.JoinEmail(foldedText))}%"))
                    : (RecipientSearchSql.Trigrams(limit), ("pattern", (object)$"%{EscapeLike(foldedText)}%"));
            infix.AddRange(await RecipientSearchStatements.QueryAsync(connection, sql, cancellationToken,
                argument, ("found", Ids(prefix.Concat(infix)))));
        }

        // The infix matches have no key to rank by: show them in kana order, names without kana last.
        var infixPage = infix.Take(limit - prefix.Count)
            .OrderBy(m => m.FullNameKana.Length == 0).ThenBy(m => m.FullNameKana, StringComparer.Ordinal).ThenBy(m => m.CustomerId);
        return [.. prefix, .. infixPage];
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    /// <summary>A pool of its own whose sessions always use the generic plan of a prepared
    /// statement. PostgreSQL's choice between generic and per-call plans kept re-planning the
    /// prefix union on every call (0 generic plans in 4,800 calls, with its limit written in):
    /// the per-call plans look cheaper for rare prefixes, though planning costs more than running.
    /// Only the fixed statements of RecipientSearchSql run on this pool, and their generic plans
    /// are the ones wanted (index range scans, bitmap scans); the app's pool keeps the default.</summary>
    private static NpgsqlDataSource SearchDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.Options = $"{settings.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return builder.Build();
    }

    private static long[] Ids(IEnumerable<RecipientMatch> matches) => matches.Select(m => m.CustomerId).ToArray();

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
