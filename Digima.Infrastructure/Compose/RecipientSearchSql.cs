namespace Digima.Infrastructure.Compose;

/// <summary>The statements of the recipient search. Each has one fixed shape whatever the query,
/// so the prepared statement's plan is reused (planning the prefix union costs more than running
/// it). The functions and indexes are in migration 0015-recipient-search.</summary>
internal static class RecipientSearchSql
{
    /// <summary>Rows scanned by <see cref="Sample"/>: a term held by more than ~0.5% of the customers
    /// fills the page there, so the index step only ever sees rarer terms.</summary>
    public const int SampleRows = 2000;

    /// <summary>Lines of search_text with a prefix index (CustomerSearchText.Build's order):
    /// full name, given name, full kana, given kana, company, email.</summary>
    private static readonly int[] PrefixLines = [2, 3, 4, 5, 6, 7];

    private const string Columns = """
        c.id, concat_ws(' ', nullif(c.last_name, ''), nullif(c.first_name, '')) AS full_name,
        concat_ws(' ', nullif(c.last_name_kana, ''), nullif(c.first_name_kana, '')) AS full_name_kana,
        c.company, c.email
        """;

    /// <summary>Prefix step: per field, the first @limit keys in [@from, @to) straight from its
    /// btree; then each customer once, with its smallest matching key; smallest keys first, so
    /// an exact match comes before a longer one. Parameters: @from, @to, @limit.</summary>
    public static readonly string Prefix = $"""
        SELECT id, full_name, full_name_kana, company, email
        FROM (
            SELECT DISTINCT ON (id) *
            FROM ({string.Join("\n    UNION ALL\n", PrefixLines.Select(PrefixBranch))}) hits
            ORDER BY id, k
        ) best
        ORDER BY k, id
        LIMIT @limit
        """;

    /// <summary>Infix step, first part: the first <see cref="SampleRows"/> rows of the table.
    /// An index answers a common term slowly (a GIN bitmap of every match must be built before
    /// LIMIT applies: ~70 ms for a fragment in 90% of the rows), a plain scan quickly. strpos,
    /// not LIKE: nothing to escape. @short limits the search to the names part, as the grams
    /// index does. Parameters: @text, @short, @found, @limit.</summary>
    public static readonly string Sample = $"""
        SELECT {Columns}
        FROM (SELECT * FROM customers LIMIT {SampleRows}) c
        WHERE strpos(CASE WHEN @short THEN recipient_search_names(c.search_text) ELSE c.search_text END, @text) > 0
          AND c.id <> ALL(@found)
        LIMIT @limit
        """;

    /// <summary>Infix step for 1-2 characters, on customers_recipient_grams. Parameters: @text, @found, @limit.</summary>
    public const string Grams = $"""
        SELECT {Columns}
        FROM customers c
        WHERE recipient_search_grams(c.search_text) COLLATE "C" @> ARRAY[@text]
          AND c.id <> ALL(@found)
        LIMIT @limit
        """;

    /// <summary>Infix step for 3+ characters, on customers_search_text_trgm. Parameters: @pattern, @found, @limit.</summary>
    public const string Trigrams = $"""
        SELECT {Columns}
        FROM customers c
        WHERE c.search_text LIKE @pattern
          AND c.id <> ALL(@found)
        LIMIT @limit
        """;

    private static string PrefixBranch(int line) => $"""
            (SELECT {Columns}, recipient_search_field(c.search_text, {line}) COLLATE "C" AS k
             FROM customers c
             WHERE recipient_search_field(c.search_text, {line}) COLLATE "C" >= @from
               AND recipient_search_field(c.search_text, {line}) COLLATE "C" < @to
             ORDER BY k
             LIMIT @limit)
        """;
}
