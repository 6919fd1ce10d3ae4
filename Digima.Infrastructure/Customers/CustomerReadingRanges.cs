using Dapper;
using Digima.Core.Customers;
using Digima.Infrastructure.Compose;

namespace Digima.Infrastructure.Customers;

/// <summary>"A reading starts with what was typed", for the customer list: the romaji key of the
/// text against the romaji lines of search_reading, the folded text against 会社名カナ. Written
/// as the expressions of the btree indexes of migration 1950-customer-readings, so each is an
/// index range scan and the planner ORs them with the trigram index of search_text.</summary>
internal static class CustomerReadingRanges
{
    public const string Condition = """
        ((recipient_search_field(c.search_reading, 2) COLLATE "C" >= @romajiFrom AND recipient_search_field(c.search_reading, 2) COLLATE "C" < @romajiTo)
         OR (recipient_search_field(c.search_reading, 3) COLLATE "C" >= @romajiFrom AND recipient_search_field(c.search_reading, 3) COLLATE "C" < @romajiTo)
         OR (recipient_search_field(c.search_reading, 4) COLLATE "C" >= @kanaFrom AND recipient_search_field(c.search_reading, 4) COLLATE "C" < @kanaTo)
         OR (recipient_search_field(c.search_reading, 5) COLLATE "C" >= @romajiFrom AND recipient_search_field(c.search_reading, 5) COLLATE "C" < @romajiTo))
        """;

    /// <summary>@romajiFrom/@romajiTo and @kanaFrom/@kanaTo; an empty range when the text has no
    /// key (not romaji, or empty).</summary>
    public static void AddParameters(DynamicParameters args, string foldedText)
    {
        var (romajiFrom, romajiTo) = Range(RomajiKey.Of(foldedText));
        var (kanaFrom, kanaTo) = Range(foldedText);
        args.Add("romajiFrom", romajiFrom);
        args.Add("romajiTo", romajiTo);
        args.Add("kanaFrom", kanaFrom);
        args.Add("kanaTo", kanaTo);
    }

    /// <summary>[key, key-incremented), or the empty range ['', '') for no key.</summary>
    public static (string From, string To) Range(string key) =>
        key.Length == 0 ? ("", "") : (key, PrefixRange.UpperBound(key));
}
