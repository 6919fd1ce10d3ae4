using Bunit;
using Digima.Blazor.Components.Pages.Tracking;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Digima.Tests.Support;

namespace Digima.Tests.Blazor.Tracking;

public sealed class TrackingCellTests : BlazorTestContext
{
    private static OutgoingMail Mail(bool open, bool click) =>
        new() { Id = 5, MessageId = "m@digima.test", Subject = "件名", BodyText = "本文", OpenTracking = open, ClickTracking = click };

    [Fact]
    public void Render_TrackingOff_SaysNotTrackedAndNoLines()
    {
        var cut = Render<TrackingCell>(p => p.Add(c => c.Mail, Mail(false, false)));

        Assert.Contains("計測なし", cut.Find("[data-testid=tracking-off]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=tracking-open]"));
    }

    [Fact]
    public void Render_OpenedByPersonAndProxy_CountFirstTimeAndPossiblyAutomaticApart()
    {
        var first = new DateTimeOffset(2026, 11, 27, 1, 5, 0, TimeSpan.Zero);

        var cut = Render<TrackingCell>(p => p
            .Add(c => c.Mail, Mail(true, true))
            .Add(c => c.Opens, new TrackingSummary(5, TrackingKind.Open, 2, first, 1)));

        Assert.Contains("2回", cut.Find("[data-testid=tracking-open-count]").TextContent, StringComparison.Ordinal);
        Assert.Contains("11/27 10:05", cut.Find("[data-testid=tracking-open]").TextContent, StringComparison.Ordinal);
        Assert.Contains("自動取得の可能性 1", cut.Find("[data-testid=tracking-open-automated]").TextContent, StringComparison.Ordinal);
        Assert.Contains("クリック", cut.Find("[data-testid=tracking-click]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=tracking-click-count]"));
    }
}
