using System.Globalization;
using System.Text;

namespace Digima.Core.Customers;

/// <summary>The key that lets romaji find kana: "sato", "satou", "satō", "satoh" and "SATO" all
/// give "sato", the key of サトウ. A stored reading goes through <see cref="KanaRomaji"/> and then
/// the same folding as the typed text, so there is one set of rules: Hepburn spellings win
/// (si → shi, tu → tsu, ti → chi, hu → fu, zi/di → ji, sya → sha, tya → cha, zya/jya → ja),
/// n' and nn are n, m before b/m/p is n, long vowels are one vowel (ou, oo, oh, uu, aa...).
/// The folding keeps prefixes prefixes as far as it can: "ts" and "sh" are typed on the way to
/// "tsu" and "shi" and stay as they are; a trailing "sy", "ty" or "zy" is already "sh", "ch", "j".</summary>
public static class RomajiKey
{
    /// <summary>The key of what a rep typed, or "" when it is not romaji (kana, digits, an email...).
    /// Case, spaces, hyphens, full-width letters and accents (ō, ô) are ignored.</summary>
    public static string Of(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "";
        }

        var letters = new StringBuilder(typed.Length);
        foreach (var c in typed.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is not ((>= 'a' and <= 'z') or '\''))
            {
                return "";
            }

            letters.Append(lower);
        }

        return FoldVowels(Spell(letters.ToString()));
    }

    /// <summary>The key of a kana reading (katakana or hiragana, any width).</summary>
    public static string OfKana(string? kana) =>
        string.IsNullOrEmpty(kana) ? "" : Of(KanaRomaji.From(CustomerSearchText.Fold(kana)));

    // Longest first: at each position the first entry that matches is rewritten.
    private static readonly (string From, string To)[] Spellings =
    [
        ("sya", "sha"), ("syu", "shu"), ("syo", "sho"), ("sye", "she"),
        ("tya", "cha"), ("tyu", "chu"), ("tyo", "cho"), ("tye", "che"),
        ("cya", "cha"), ("cyu", "chu"), ("cyo", "cho"),
        ("zya", "ja"), ("zyu", "ju"), ("zyo", "jo"), ("zye", "je"),
        ("jya", "ja"), ("jyu", "ju"), ("jyo", "jo"), ("jye", "je"),
        ("dya", "ja"), ("dyu", "ju"), ("dyo", "jo"),
        ("cch", "tch"), ("tsu", "tsu"), ("shi", "shi"), ("chi", "chi"),
        ("si", "shi"), ("ti", "chi"), ("tu", "tsu"), ("hu", "fu"), ("zi", "ji"), ("di", "ji"), ("du", "zu"),
        ("nn", "n"), ("n'", "n"), ("mb", "nb"), ("mp", "np"), ("mm", "nm"), ("'", ""),
    ];

    // Typed on the way to a longer syllable: the start of what that syllable is spelled as.
    private static readonly (string From, string To)[] Endings =
        [("sy", "sh"), ("ty", "ch"), ("cy", "ch"), ("zy", "j"), ("jy", "j"), ("dy", "j")];

    private static string Spell(string letters)
    {
        var builder = new StringBuilder(letters.Length + 4);
        var i = 0;
        while (i < letters.Length)
        {
            var at = i;
            var rule = Array.FindIndex(Spellings, s => string.CompareOrdinal(letters, at, s.From, 0, s.From.Length) == 0);
            if (rule < 0 && letters.Length - i == 2)
            {
                var ending = Array.FindIndex(Endings, e => string.CompareOrdinal(letters, at, e.From, 0, 2) == 0);
                if (ending >= 0)
                {
                    builder.Append(Endings[ending].To);
                    break;
                }
            }

            if (rule < 0)
            {
                builder.Append(letters[i++]);
                continue;
            }

            builder.Append(Spellings[rule].To);
            i += Spellings[rule].From.Length;
        }

        return builder.ToString();
    }

    /// <summary>One vowel for a long one: a vowel after the same vowel, u after o, and h after o
    /// unless a vowel or y follows (satoh, ohno; but ohara, ohyama keep theirs).</summary>
    private static string FoldVowels(string spelled)
    {
        var builder = new StringBuilder(spelled.Length);
        for (var i = 0; i < spelled.Length; i++)
        {
            var c = spelled[i];
            var previous = builder.Length > 0 ? builder[^1] : '\0';
            var next = i + 1 < spelled.Length ? spelled[i + 1] : '\0';
            var longVowel = IsVowel(c) && (c == previous || (previous == 'o' && c == 'u'));
            var longO = c == 'h' && previous == 'o' && !IsVowel(next) && next != 'y';
            if (!longVowel && !longO)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';
}
