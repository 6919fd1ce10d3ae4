namespace Digima.Core.Tracking;

/// <summary>What the mail's earlier fetches tell about a new one.</summary>
/// <param name="RecentEvents">Events of the same mail within the burst window before this one.</param>
/// <param name="SameAgentOpens">Earlier opens of the same mail with the same user agent (for Google's
/// proxy, whose user agent never changes: its earlier fetches of the mail).</param>
public sealed record FetchHistory(int RecentEvents, int SameAgentOpens);

/// <summary>Tells opens and clicks that are probably not a person (「自動取得の可能性」): Apple Mail
/// Privacy Protection (prefetches every image with a bare "Mozilla/5.0"), security scanners (a
/// tool's user agent, or within seconds of sending), Yahoo's image proxy, many fetches at once,
/// and Google's image proxy after its first fetch of a mail.</summary>
public static class AutomatedFetchRules
{
    // Gmail fetches through this proxy when the reader opens the mail, then serves its own copy:
    // the first fetch of a mail is the reader's open, later ones are Google refreshing its cache.
    private static readonly string[] GoogleProxy = ["GoogleImageProxy", "ggpht.com"];

    // Yahoo's proxy stays marked: whether it fetches on delivery or on reading is not established.
    private static readonly string[] OtherProxies = ["YahooMailProxy"];

    private static readonly string[] Tools =
        ["bot", "spider", "crawl", "scan", "python", "curl", "wget", "java/", "go-http-client", "okhttp", "headless", "barracuda", "mimecast", "proofpoint"];

    public static bool IsGoogleProxy(string userAgent) => GoogleProxy.Any(p => userAgent.Contains(p, StringComparison.OrdinalIgnoreCase));

    public static AutomatedReason? Judge(string userAgent, DateTimeOffset at, DateTimeOffset? sentAt, FetchHistory history, TrackingOptions options)
    {
        var agent = userAgent.Trim();
        if (IsGoogleProxy(agent))
        {
            return history.SameAgentOpens == 0 ? null : AutomatedReason.ImageProxy;
        }

        if (OtherProxies.Any(p => agent.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            return AutomatedReason.ImageProxy;
        }

        if (agent.Length == 0 || agent == "Mozilla/5.0")
        {
            return AutomatedReason.Prefetch;
        }

        if (Tools.Any(t => agent.Contains(t, StringComparison.OrdinalIgnoreCase))
            || (sentAt is { } sent && at - sent < options.ScannerWindow))
        {
            return AutomatedReason.Scanner;
        }

        return history.RecentEvents + 1 >= options.BurstSize ? AutomatedReason.Burst : null;
    }
}
