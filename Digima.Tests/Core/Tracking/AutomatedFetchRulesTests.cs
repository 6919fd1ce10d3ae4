using Digima.Core.Tracking;

namespace Digima.Tests.Core.Tracking;

public sealed class AutomatedFetchRulesTests
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private const string GoogleProxy = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
    private static readonly DateTimeOffset Sent = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
    private static readonly TrackingOptions Options = new();
    private static readonly FetchHistory Nothing = new(0, 0);

    [Theory]
    [InlineData("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", AutomatedReason.ImageProxy)]
    [InlineData("Mozilla/5.0", AutomatedReason.Prefetch)]
    [InlineData("", AutomatedReason.Prefetch)]
    [InlineData("python-requests/2.31", AutomatedReason.Scanner)]
    [InlineData("Mozilla/5.0 (compatible; Barracuda Sentinel)", AutomatedReason.Scanner)]
    public void Judge_MachineUserAgent_Marked(string agent, AutomatedReason expected) =>
        Assert.Equal(expected, AutomatedFetchRules.Judge(agent, Sent.AddHours(1), Sent, Nothing, Options));

    [Fact]
    public void Judge_GoogleProxyFirstFetchOfMail_Person() =>
        Assert.Null(AutomatedFetchRules.Judge(GoogleProxy, Sent.AddHours(1), Sent, Nothing, Options));

    [Fact]
    public void Judge_GoogleProxyAfterItsFirstFetch_ImageProxy() =>
        Assert.Equal(AutomatedReason.ImageProxy, AutomatedFetchRules.Judge(GoogleProxy, Sent.AddHours(2), Sent, new FetchHistory(0, 1), Options));

    [Fact]
    public void Judge_AppleMailPrivacyProtectionAfterGmailOpen_StillPrefetch() =>
        Assert.Equal(AutomatedReason.Prefetch, AutomatedFetchRules.Judge("Mozilla/5.0", Sent.AddHours(1), Sent, new FetchHistory(0, 0), Options));

    [Fact]
    public void Judge_BrowserAnHourAfterSending_Person() =>
        Assert.Null(AutomatedFetchRules.Judge(Chrome, Sent.AddHours(1), Sent, Nothing, Options));

    [Fact]
    public void Judge_BrowserSecondsAfterSending_Scanner() =>
        Assert.Equal(AutomatedReason.Scanner, AutomatedFetchRules.Judge(Chrome, Sent.AddSeconds(3), Sent, Nothing, Options));

    [Fact]
    public void Judge_ThirdFetchWithinBurstWindow_Burst()
    {
        Assert.Null(AutomatedFetchRules.Judge(Chrome, Sent.AddHours(1), Sent, new FetchHistory(1, 0), Options));
        Assert.Equal(AutomatedReason.Burst, AutomatedFetchRules.Judge(Chrome, Sent.AddHours(1), Sent, new FetchHistory(2, 0), Options));
    }
}
