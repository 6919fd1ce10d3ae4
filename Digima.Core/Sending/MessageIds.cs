using System.Globalization;

namespace Digima.Core.Sending;

/// <summary>Message-IDs on the rep's own domain, unique without coordination between nodes.</summary>
public static class MessageIds
{
    /// <summary>A header of ours on every mail the app sends, holding the Message-ID the app gave
    /// it. Relays that rewrite Message-ID (some gateways, some Exchange setups) leave unknown
    /// headers alone, so a copy of the mail filed by such a server still says which mail it is.</summary>
    public const string OurHeader = "X-Digima-Message-Id";

    public static string New(string senderAddress, DateTimeOffset now)
    {
        var at = senderAddress.LastIndexOf('@');
        var domain = at >= 0 && at < senderAddress.Length - 1 ? senderAddress[(at + 1)..] : "digima.invalid";
        var stamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"digima.{stamp}.{Guid.NewGuid():N}@{domain}";
    }
}
