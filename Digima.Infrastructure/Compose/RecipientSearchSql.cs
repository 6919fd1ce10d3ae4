namespace Digima.Infrastructure.Compose;

/// <summary>The statements of the recipient search. Each has one fixed text whatever the query, so
/// the prepared statement's generic plan is reused (RecipientSearch's pool forces it): planning
/// the prefix union costs more than running it. The limit is written into the text, not passed:
/// a generic plan for LIMIT $n is costed for a tenth of the matching rows, not for one page. It is
/// always SearchRecipientsQuery.MaxResults in practice, so there is one text per statement.
/// The functions and indexes are in migration 0015-recipient-search.</summary>
internal static class RecipientSearchSql
{
    /// <summary>Rows scanned by <see cref="Sample"/>: a term held by more than ~0.5% of the customers
    /// fills the page there, so the index step only ever sees rarer terms.</summary>
    public const int SampleRows = 2000;

    /// <summary>Lines of search_text with a prefix index (CustomerSearchText.Build's order):
    /// full name, given name, full kana, given kana, company, email.</summary>
    private static readonly int[] PrefixLines = [2, 3, 4, 5, 6, 7];

    /// <summary>Lines of search_reading with a prefix index (CustomerSearchText.BuildReading's
    /// order, migration 1950-customer-readings) and the range each is read with: romaji keys
    /// (full kana, given kana) with @romajiFrom/@romajiTo, the folded 会社名カナ with @from/@to,
    /// its romaji key with @romajiFrom/@romajiTo.</summary>
    private static readonly (int Line, string From, string To)[] ReadingLines =
        [(2, "romajiFrom", "romajiTo"), (3, "romajiFrom", "romajiTo"), (4, "from", "to"), (5, "romajiFrom", "romajiTo")];

    private const string Columns = """
        c.id, concat_ws(' ', nullif(c.last_name, ''), nullif(c.first_name, '')) AS full_name,
        concat_ws(' ', nullif(c.last_name_kana, ''), nullif(c.first_name_kana, '')) AS full_name_kana,
        c.company, c.email
        """;

    /// <summary>Lines holding a given name: a customer whose surname (the start of the full name
    /// or kana) matches ranks above one whose given name does, whatever their keys (「サ」 lists
    /// サトウ before a given name サキ).</summary>
    private static readonly int[] GivenNameLines = [3, 5];

    /// <summary>The given-name line of search_reading (the romaji of the given-name kana).</summary>
    private const int GivenReadingLine = 3;

    /// <summary>Prefix step: per field, the first <paramref name="limit"/> keys in [@from, @to)
    /// straight from its btree; then each customer once, with its best match; matches on other
    /// fields before given-name matches, then smallest keys first, so an exact match comes before
    /// a longer one. The ranking sorts only the few rows the branches return: each branch still
    /// reads its index range in key order and stops at the limit. Parameters: @from, @to and the
    /// romaji key's @romajiFrom, @romajiTo (an empty range when the text is not romaji).</summary>
    public static string Prefix(int limit) => $"""
        SELECT id, full_name, full_name_kana, company, email
        FROM (
            SELECT DISTINCT ON (id) *
            FROM ({string.Join("\n    UNION ALL\n", PrefixBranches(limit))}) hits
            ORDER BY id, given, k
        ) best
        ORDER BY given, k, id
        LIMIT {limit}
        """;

    /// <summary>Infix step, first part: the first <see cref="SampleRows"/> rows of the table.
    /// An index answers a common term slowly (a GIN bitmap of every match must be built before
    /// LIMIT applies: ~70 ms for a fragment in 90% of the rows), a plain scan quickly (~0.7 ms
    /// for the whole sample). strpos, not LIKE: nothing to escape. @short keeps to the names
    /// part, as the grams index does; that costs more, so it is only checked on rows that
    /// contain the text at all. Parameters: @text, @short, @found.</summary>
    public static string Sample(int limit) => $"""
        SELECT {Columns}
        FROM (SELECT id, last_name, first_name, last_name_kana, first_name_kana, company, email, search_text
              FROM customers LIMIT {SampleRows}) c
        WHERE strpos(c.search_text, @text) > 0
          AND (NOT @short OR strpos(recipient_search_names(c.search_text), @text) > 0)
          AND c.id <> ALL(@found)
        LIMIT {limit}
        """;

    /// <summary>Infix step for 1-2 characters, on customers_recipient_grams. Parameters: @text, @found.</summary>
    public static string Grams(int limit) => $"""
        SELECT {Columns}
        FROM customers c
        WHERE recipient_search_grams(c.search_text) COLLATE "C" @> ARRAY[@text]
          AND c.id <> ALL(@found)
        LIMIT {limit}
        """;

    /// <summary>Infix step for 3+ characters, on customers_search_text_trgm. Parameters: @pattern, @found.</summary>
    public static string Trigrams(int limit) => $"""
        SELECT {Columns}
        FROM customers c
        WHERE c.search_text LIKE @pattern
          AND c.id <> ALL(@found)
        LIMIT {limit}
        """;

    /// <summary>Infix step for 3+ characters holding '@', on customers_recipient_email_joined:
    /// such text is part of an email, and only there is it looked for (no name or company holds
    /// '@'). pg_trgm cuts words at punctuation, so on search_text `n.endo@t` is the trigrams of
    /// the words `endo` and `t`, held by thousands of rows that each had to be read; in the joined
    /// email the punctuation is letters and the trigrams span it (`o@t`, `n.e`), which few rows
    /// share. Parameters: @pattern (the text through <see cref="JoinEmail"/>), @found.</summary>
    public static string EmailTrigrams(int limit) => $"""
        SELECT {Columns}
        FROM customers c
        WHERE recipient_search_email_joined(c.search_text) LIKE @pattern
          AND c.id <> ALL(@found)
        LIMIT {limit}
        """;

    /// <summary>The text as recipient_search_email_joined writes an email (migration
    /// 1960-recipient-email-joined): '.', '@', '_', '-' and '+' as the letters ϙ ϛ ϝ ϟ ϡ, which no
    /// address holds, so "contains" means the same before and after.</summary>
    public static string JoinEmail(string folded) =>
        string.Create(folded.Length, folded, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] switch { '.' => 'ϙ', '@' => 'ϛ', '_' => 'ϝ', '-' => 'ϟ', '+' => 'ϡ', var c => c };
            }
        });

    private static IEnumerable<string> PrefixBranches(int limit) =>
        PrefixLines.Select(line => PrefixBranch("search_text", line, ("from", "to"), GivenNameLines.Contains(line), limit))
            .Concat(ReadingLines.Select(r => PrefixBranch("search_reading", r.Line, (r.From, r.To), r.Line == GivenReadingLine, limit)));

    private static string PrefixBranch(string column, int line, (string From, string To) range, bool given, int limit) => $"""
            (SELECT {Columns}, {(given ? "true" : "false")} AS given,
                    recipient_search_field(c.{column}, {line}) COLLATE "C" AS k
             FROM customers c
             WHERE recipient_search_field(c.{column}, {line}) COLLATE "C" >= @{range.From}
               AND recipient_search_field(c.{column}, {line}) COLLATE "C" < @{range.To}
             ORDER BY k
             LIMIT {limit})
        """;
}
