namespace Digima.Infrastructure.Seeding;

/// <summary>Katakana as plain Hepburn romaji with long vowels dropped, as in most business email
/// addresses (サトウ -> sato, ショウタ -> shota): the demo and benchmark addresses. The kana table
/// is the search's (Core's KanaRomaji); only the spelling of the address is decided here.</summary>
internal static class EmailRomaji
{
    public static string ToRomaji(string katakana) =>
        Core.Customers.KanaRomaji.From(katakana)
            .Replace("ou", "o", StringComparison.Ordinal).Replace("uu", "u", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal);
}
