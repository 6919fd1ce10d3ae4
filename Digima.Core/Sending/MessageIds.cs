using System.Globalization;

namespace Digima.Core.Sending;

/// <summary>Message-IDs on the rep's own domain, unique without coordination between nodes.</summary>
public static class MessageIds
{
    public static string New(string senderAddress, DateTimeOffset now)
    {
        var at = senderAddress.LastIndexOf('@');
        var domain = at >= 0 && at < senderAddress.Length - 1 ? senderAddress[(at + 1)..] : "digima.invalid";
        var stamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"digima.{stamp}.{Guid.NewGuid():N}@{domain}";
    }
}
