using Bunit;
using Digima.Blazor.Components.Shared;
using Digima.Tests.Support;

namespace Digima.Tests.Blazor.Shared;

public sealed class UserTimeTests : BlazorTestContext
{
    [Theory]
    [InlineData("Asia/Tokyo", "2026/11/27 09:00")]
    [InlineData("UTC", "2026/11/27 00:00")]
    [InlineData("America/New_York", "2026/11/26 19:00")]
    public void Render_UtcValue_ShownInUsersZone(string zone, string expected)
    {
        SignInAs(zone);

        var cut = Render<UserTime>(p => p.Add(c => c.Value, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(expected, cut.Find("span").TextContent);
    }

    [Fact]
    public void Render_Tooltip_SecondsInTheUsersZoneNeverUtc()
    {
        SignInAs("Asia/Tokyo");

        var cut = Render<UserTime>(p => p.Add(c => c.Value, new DateTimeOffset(2026, 11, 27, 0, 0, 37, TimeSpan.Zero)));

        Assert.Equal("2026/11/27 09:00:37 (Asia/Tokyo)", cut.Find("span").GetAttribute("title"));
    }

    [Fact]
    public void Render_NoValue_ShowsDash()
    {
        SignInAs("Asia/Tokyo");

        var cut = Render<UserTime>(p => p.Add(c => c.Value, null));

        Assert.Equal("—", cut.Find("span.empty-value").TextContent);
    }
}
