using System.Text;
using Digima.Core.Customers;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>What reps type into 宛先, by class, drawn from the generated customers (so common
/// names are typed more often, as in life). Kana is typed in hiragana, as an IME gives it.</summary>
internal static class QueryClasses
{
    public sealed record QueryClass(string Name, IReadOnlyList<string> Queries);

    public static IReadOnlyList<QueryClass> Build(List<Customer> customers, int perClass, int seed)
    {
        var random = new Random(seed);
        var japanese = customers.Where(c => c.LastName.Any(IsKanji) && c.FirstNameKana.Length > 0).ToList();
        var latin = customers.Where(c => c.LastName.All(char.IsAsciiLetter)).ToList();
        Customer Pick(List<Customer> from) => from[random.Next(from.Count)];
        string LatinName(Customer c) => random.Next(2) == 0 ? c.LastName : c.FirstName;

        QueryClass Make(string name, int minLength, int maxLength, Func<string> next)
        {
            var queries = new List<string>(perClass);
            while (queries.Count < perClass)
            {
                var query = next();
                var length = CustomerSearchText.Fold(query).EnumerateRunes().Count();
                if (length >= minLength && length <= maxLength)
                {
                    queries.Add(query);
                }
            }

            return new QueryClass(name, queries);
        }

        string FullName()
        {
            var c = Pick(japanese);
            return c.LastName + (random.Next(2) == 0 ? " " : "") + c.FirstName;
        }

        string KanaName()
        {
            var c = Pick(japanese);
            return Hiragana(c.LastNameKana + Head(c.FirstNameKana, random.Next(3)));
        }

        string Infix()
        {
            var c = Pick(japanese);
            var field = CustomerSearchText.Fold(random.Next(2) == 0 ? c.Company : FullKana(c));
            var length = 2 + random.Next(2);
            return field.Length < length + 2 ? "" : field.Substring(1 + random.Next(field.Length - length - 1), length);
        }

        // As reps spell it: Hepburn, long vowels written half the time (satou) and dropped otherwise (sato).
        string Romaji(string kana)
        {
            var hepburn = KanaRomaji.From(CustomerSearchText.Fold(kana));
            return random.Next(2) == 0 ? hepburn : hepburn.Replace("ou", "o", StringComparison.Ordinal).Replace("uu", "u", StringComparison.Ordinal);
        }

        string RomajiFull()
        {
            var c = Pick(japanese);
            return Romaji(c.LastNameKana) + (random.Next(2) == 0 ? " " : "") + Romaji(c.FirstNameKana);
        }

        string NoMatch() => random.Next(2) == 0
            ? $"{RareKanji[random.Next(RareKanji.Length)]}{RareKanji[random.Next(RareKanji.Length)]}"
            : $"{Rare[random.Next(3)]}{Rare[random.Next(3)]}{Rare[random.Next(3)]}";

        return
        [
            Make("kanji 1", 1, 1, () => Pick(japanese).LastName[..1]),
            Make("kanji 2", 2, 2, () => Head(Full(Pick(japanese)), 2)),
            Make("kanji 3+ (full name ± space)", 3, 99, FullName),
            Make("kana 1 (hiragana)", 1, 1, () => Hiragana(Head(Pick(japanese).LastNameKana, 1))),
            Make("kana 2 (hiragana)", 2, 2, () => Hiragana(Head(FullKana(Pick(japanese)), 2))),
            Make("kana 3+ (hiragana)", 3, 99, KanaName),
            Make("Latin 1", 1, 1, () => Head(LatinName(Pick(latin)), 1)),
            Make("Latin 2", 2, 2, () => Head(LatinName(Pick(latin)), 2)),
            Make("Latin 3+", 3, 99, () => Head(LatinName(Pick(latin)), 3 + random.Next(4))),
            Make("email prefix (3-10)", 3, 10, () => Head(Pick(customers).Email, 3 + random.Next(8))),
            Make("romaji surname prefix (1-6)", 1, 6, () => Head(Romaji(Pick(japanese).LastNameKana), 1 + random.Next(6))),
            Make("romaji full name (± space)", 6, 99, RomajiFull),
            Make("company reading romaji (3-8)", 3, 8, () => Head(Romaji(Pick(japanese).CompanyKana), 3 + random.Next(6))),
            Make("infix 2-3 (company, kana)", 2, 3, Infix),
            Make("no match (2 kanji, 3 letters)", 2, 3, NoMatch),
        ];
    }

    // In no generated name, company or email.
    private const string RareKanji = "鰻麒麟鳳凰鶴亀龍虎獅";
    private const string Rare = "qxv";

    private static string Full(Customer c) => c.LastName + c.FirstName;

    private static string FullKana(Customer c) => c.LastNameKana + c.FirstNameKana;

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static string Head(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Katakana as an IME types it before conversion (ー and the rest stay).</summary>
    private static string Hiragana(string katakana)
    {
        var builder = new StringBuilder(katakana.Length);
        foreach (var c in katakana)
        {
            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }

        return builder.ToString();
    }
}
