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

    /// <summary>The URL as a Location header may carry it: the host in punycode, everything else
    /// percent-encoded as UTF-8 (a header is ASCII). Null when it is no absolute http(s) URL.</summary>
    public static string? ToLocation(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var ascii = new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        return ascii.All(char.IsAscii) ? ascii : null;
    }

    [GeneratedRegex(@"https?://[^\s<>""）」、。]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
