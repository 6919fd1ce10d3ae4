using Digima.Blazor.Endpoints;

namespace Digima.Tests.Blazor.Endpoints;

public sealed class SafeReturnUrlTests
{
    [Theory]
    [InlineData("/customers?q=x", "/customers?q=x")]
    [InlineData("/customers?q=田中", "/customers?q=%E7%94%B0%E4%B8%AD")]
    [InlineData("/mail?q=🙂", "/mail?q=%F0%9F%99%82")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/templates\u0001x", "/")]
    [InlineData("/templates\r\nSet-Cookie: x=1", "/")]
    [InlineData("/a\u007fb", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_AnyInput_LocalPathSafeForALocationHeader(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.SafeReturnUrl(returnUrl));
}
