using Digima.Core.Common;

namespace Digima.Core.MailImport.Privacy;

/// <summary>Rules of private mail: which addresses a rep never imports, and when a rep is told
/// that mail was imported for a customer a colleague registered.</summary>
public static class MailPrivacyRules
{
    /// <summary>Mail imported for a customer registered by someone else within this time is
    /// announced to the mailbox's rep: the customer may be the rep's friend or family.</summary>
    public static readonly TimeSpan RecentCustomerWindow = TimeSpan.FromDays(7);

    /// <summary>Offered on every rep's never-import list, switched off: B2B customers write from
    /// these too, so each rep decides.</summary>
    public static readonly IReadOnlyList<string> FreeMailDomains =
    [
        "gmail.com", "yahoo.co.jp", "ymail.ne.jp", "icloud.com", "me.com", "outlook.jp", "outlook.com", "hotmail.co.jp",
        "hotmail.com", "live.jp", "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "nifty.com",
    ];

    /// <summary>An address or a domain as kept: trimmed, lower case, without a leading "@".</summary>
    public static string Normalize(string? pattern) => (pattern ?? "").Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>An address (with @) or a domain name (at least one dot).</summary>
    public static bool IsValidPattern(string pattern) =>
        pattern.Contains('@', StringComparison.Ordinal) ? TextRules.IsEmailAddress(pattern) : TextRules.IsEmailAddress("x@" + pattern);

    /// <summary>Whether the address is on the list: the same address, or an address at the
    /// domain or one of its subdomains.</summary>
    public static bool Matches(string address, IReadOnlyCollection<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var a = address.ToLowerInvariant();
        var at = a.LastIndexOf('@');
        var domain = at < 0 ? "" : a[(at + 1)..];
        return patterns.Any(p => p.Contains('@', StringComparison.Ordinal)
            ? p == a
            : domain == p || domain.EndsWith("." + p, StringComparison.Ordinal));
    }
}
