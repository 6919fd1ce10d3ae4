using Digima.Core.Tracking;

namespace Digima.Tests.Core.Tracking;

public sealed class AutomatedFetchRulesTests
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static readonly DateTimeOffset Sent = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
    private static readonly TrackingOptions Options = new();

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", AutomatedReason.ImageProxy)]
    [InlineData("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", AutomatedReason.ImageProxy)]
    [InlineData("Mozilla/5.0", AutomatedReason.Prefetch)]
    [InlineData("", AutomatedReason.Prefetch)]
    [InlineData("python-requests/2.31", AutomatedReason.Scanner)]
    [InlineData("Mozilla/5.0 (compatible; Barracuda Sentinel)", AutomatedReason.Scanner)]
    public void Judge_MachineUserAgent_Marked(string agent, AutomatedReason expected) =>
        Assert.Equal(expected, AutomatedFetchRules.Judge(agent, Sent.AddHours(1), Sent, 0, Options));

    [Fact]
    public void Judge_BrowserAnHourAfterSending_Person() =>
        Assert.Null(AutomatedFetchRules.Judge(Chrome, Sent.AddHours(1), Sent, 0, Options));

    [Fact]
    public void Judge_BrowserSecondsAfterSending_Scanner() =>
        Assert.Equal(AutomatedReason.Scanner, AutomatedFetchRules.Judge(Chrome, Sent.AddSeconds(3), Sent, 0, Options));

    [Fact]
    public void Judge_ThirdFetchWithinBurstWindow_Burst()
    {
        Assert.Null(AutomatedFetchRules.Judge(Chrome, Sent.AddHours(1), Sent, 1, Options));
        Assert.Equal(AutomatedReason.Burst, AutomatedFetchRules.Judge(Chrome, Sent.AddHours(1), Sent, 2, Options));
    }
}
