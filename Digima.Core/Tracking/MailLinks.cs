using System.Text.RegularExpressions;

namespace Digima.Core.Tracking;

/// <summary>The http(s) URLs in a mail's text, in order. The HTML part links exactly these, and a
/// click token names one by its position, so a click can only lead where that mail led.</summary>
public static partial class MailLinks
{
    public static IReadOnlyList<(int Index, int Length, string Url)> Find(string text) =>
        UrlPattern().Matches(text).Select(m => (m.Index, m.Length, m.Value)).ToList();

    public static string? At(string text, int position) =>
        Find(text) is var links && position >= 0 && position < links.Count ? links[position].Url : null;

    [GeneratedRegex(@"https?://[^\s<>""）」、。]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
