using Digima.Core.Tracking;

namespace Digima.Tests.Core.Tracking;

public sealed class MailLinksTests
{
    [Theory]
    [InlineData("https://example.co.jp/catalog?id=42&lang=ja", "https://example.co.jp/catalog?id=42&lang=ja")]
    [InlineData("https://example.co.jp/製品/カタログ?q=見積", "https://example.co.jp/%E8%A3%BD%E5%93%81/%E3%82%AB%E3%82%BF%E3%83%AD%E3%82%B0?q=%E8%A6%8B%E7%A9%8D")]
    [InlineData("https://例え.jp/資料", "https://xn--r8jz45g.jp/%E8%B3%87%E6%96%99")]
    [InlineData("http://example.co.jp:8080/a%20b", "http://example.co.jp:8080/a%20b")]
    public void ToLocation_AnyUrl_AsciiThatLeadsToTheSamePlace(string url, string expected) =>
        Assert.Equal(expected, MailLinks.ToLocation(url));

    [Theory]
    [InlineData("https://")]
    [InlineData("ftp://example.co.jp/file")]
    public void ToLocation_NoHttpUrl_Null(string url) =>
        Assert.Null(MailLinks.ToLocation(url));
}
