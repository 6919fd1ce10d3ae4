namespace Digima.Core.Tracking;

/// <summary>Tells opens and clicks that are probably not a person (「自動取得の可能性」): image
/// proxies that fetch on the recipient's behalf (Gmail, Yahoo), Apple Mail Privacy Protection
/// (prefetches every image with a bare "Mozilla/5.0"), security scanners (a tool's user agent, or
/// within seconds of sending), and many fetches at once.</summary>
public static class AutomatedFetchRules
{
    private static readonly string[] Proxies = ["GoogleImageProxy", "ggpht.com", "YahooMailProxy"];

    private static readonly string[] Tools =
        ["bot", "spider", "crawl", "scan", "python", "curl", "wget", "java/", "go-http-client", "okhttp", "headless", "barracuda", "mimecast", "proofpoint"];

    /// <param name="recentEvents">Events of the same mail within the burst window before this one.</param>
    public static AutomatedReason? Judge(string userAgent, DateTimeOffset at, DateTimeOffset? sentAt, int recentEvents, TrackingOptions options)
    {
        var agent = userAgent.Trim();
        if (Proxies.Any(p => agent.Contains(p, StringComparison.OrdinalIgnoreCase)))
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

        return recentEvents + 1 >= options.BurstSize ? AutomatedReason.Burst : null;
    }
}
