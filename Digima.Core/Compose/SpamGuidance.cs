using System.Text.RegularExpressions;

namespace Digima.Core.Compose;

public enum SpamWarning
{
    ShortOrLinkOnlyBody,
    ShoutySubject,
    UrlShortener,
    MismatchedLinkText,
    ManyRecipients,
}

/// <summary>R12: what makes 1:1 mail look like spam. Warnings only: the rep decides.</summary>
public static partial class SpamGuidance
{
    public const int ManyRecipientsThreshold = 10;
    private const int ShortBodyLength = 20;

    private static readonly string[] Shorteners =
    [
        "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "amzn.to", "x.gd", "tiny.cc",
    ];

    public static IReadOnlyList<SpamWarning> Check(string subject, string body, int recipientCount)
    {
        var warnings = new List<SpamWarning>();
        var urls = UrlPattern().Matches(body).Select(m => m.Value).ToList();
        var withoutUrls = UrlPattern().Replace(body, "").Trim();
        if (body.Trim().Length > 0 && (withoutUrls.Length < ShortBodyLength || (urls.Count > 0 && withoutUrls.Length < 40)))
        {
            warnings.Add(SpamWarning.ShortOrLinkOnlyBody);
        }

        if (IsShouty(subject))
        {
            warnings.Add(SpamWarning.ShoutySubject);
        }

        if (urls.Any(u => Shorteners.Contains(HostOf(u), StringComparer.OrdinalIgnoreCase)))
        {
            warnings.Add(SpamWarning.UrlShortener);
        }

        if (LinkPattern().Matches(body).Any(m => ShowsOtherDomain(m.Groups["text"].Value, m.Groups["url"].Value)))
        {
            warnings.Add(SpamWarning.MismatchedLinkText);
        }

        if (recipientCount > ManyRecipientsThreshold)
        {
            warnings.Add(SpamWarning.ManyRecipients);
        }

        return warnings;
    }

    private static bool IsShouty(string subject)
    {
        var brackets = subject.Count(c => c == '【');
        var bangs = subject.Contains("!!", StringComparison.Ordinal) || subject.Contains("！！", StringComparison.Ordinal);
        var letters = subject.Where(char.IsAsciiLetter).ToList();
        var caps = letters.Count >= 6 && letters.Count(char.IsAsciiLetterUpper) > letters.Count * 0.7;
        return brackets >= 2 || bangs || caps;
    }

    private static bool ShowsOtherDomain(string text, string url)
    {
        var shown = DomainPattern().Match(text);
        return shown.Success && !HostOf(url).EndsWith(shown.Value.ToLowerInvariant().TrimStart('.'), StringComparison.Ordinal);
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant().TrimStart('.') : "";

    [GeneratedRegex(@"https?://[^\s<>""）」]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    // [shown text](https://target) as reps paste from other tools.
    [GeneratedRegex(@"\[(?<text>[^\]\r\n]{1,200})\]\((?<url>https?://[^\s)]+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?<![\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex DomainPattern();
}
