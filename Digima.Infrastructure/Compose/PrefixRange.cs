using System.Text;

namespace Digima.Infrastructure.Compose;

/// <summary>The exact key range of "starts with q" under COLLATE "C" (code point order):
/// <c>key &gt;= q AND key &lt; UpperBound(q)</c>. Computed here because PostgreSQL's own
/// LIKE-prefix range is loose when the last character's UTF-8 ends in byte 0xBF (タ, 阿): it
/// then scans far past the prefix (30-75 ms instead of 0.3 ms at a million rows).</summary>
internal static class PrefixRange
{
    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>:
    /// the prefix with its last code point incremented (surrogates are skipped, they are not
    /// characters). A prefix ending in U+10FFFF, a non-character nobody types, increments the
    /// code point before it; one made only of U+10FFFF gets itself plus U+10FFFF.</summary>
    public static string UpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var runes = prefix.EnumerateRunes().ToList();
        for (var i = runes.Count - 1; i >= 0; i--)
        {
            var next = runes[i].Value + 1;
            if (next > 0x10FFFF)
            {
                continue;
            }

            var builder = new StringBuilder(prefix.Length + 1);
            foreach (var rune in runes.Take(i))
            {
                builder.Append(rune.ToString());
            }

            builder.Append(char.ConvertFromUtf32(next is >= 0xD800 and <= 0xDFFF ? 0xE000 : next));
            return builder.ToString();
        }

        return prefix + char.ConvertFromUtf32(0x10FFFF);
    }

    /// <summary>Length in code points, as PostgreSQL counts characters (an emoji or a rare kanji
    /// outside the BMP is one character but two UTF-16 units).</summary>
    public static int CharacterCount(string text) => text.EnumerateRunes().Count();
}
