using Bunit;
using Digima.Blazor.Components.Pages.Scheduling;
using Digima.Tests.Support;

namespace Digima.Tests.Blazor.Scheduling;

public sealed class SendAtFieldTests : BlazorTestContext
{
    [Fact]
    public void Render_Value_ShownAsLocalInputValueWithZone()
    {
        SignInAs("Asia/Tokyo");

        var cut = Render<SendAtField>(p => p.Add(c => c.Value, new DateTime(2026, 11, 30, 9, 0, 0)).Add(c => c.ZoneId, "Asia/Tokyo"));

        Assert.Equal("2026-11-30T09:00", cut.Find("input").GetAttribute("value"));
        Assert.Equal("2026-11-27T09:01", cut.Find("input").GetAttribute("min"));
        Assert.Contains("Asia/Tokyo", cut.Find("[data-testid=send-at-help]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_TypedValueAndShortcut_ReportedAsWallClockTime()
    {
        SignInAs("Asia/Tokyo");
        var reported = new List<DateTime?>();

        var cut = Render<SendAtField>(p => p.Add(c => c.ZoneId, "Asia/Tokyo").Add(c => c.ValueChanged, v => reported.Add(v)));
        cut.Find("input").Change("2027-01-05T10:30");
        cut.Find("[data-testid=send-at-business-day]").Click();

        Assert.Equal([new DateTime(2027, 1, 5, 10, 30, 0), new DateTime(2026, 11, 30, 9, 0, 0)], reported);
    }
}
