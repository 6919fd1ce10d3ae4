using System.Text;
using System.Text.Json;
using Digima.Infrastructure.OAuth;

namespace Digima.Tests.Infrastructure.OAuth;

public sealed class IdentityTokenTests
{
    [Fact]
    public void AccountOf_EmailForThisClient_ReturnsIt()
    {
        Assert.Equal("rep@example.com", IdentityToken.AccountOf(Token(new { aud = "digima", email = "rep@example.com" }), "digima"));
    }

    [Fact]
    public void AccountOf_MicrosoftPreferredUsernameInAudienceList_ReturnsIt()
    {
        Assert.Equal("rep@contoso.com", IdentityToken.AccountOf(Token(new { aud = new[] { "other", "digima" }, preferred_username = "rep@contoso.com" }), "digima"));
    }

    [Fact]
    public void AccountOf_IssuedToAnotherClient_Null()
    {
        Assert.Null(IdentityToken.AccountOf(Token(new { aud = "someone-else", email = "rep@example.com" }), "digima"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("a.!!!.c")]
    public void AccountOf_NoOrBrokenToken_Null(string? token)
    {
        Assert.Null(IdentityToken.AccountOf(token, "digima"));
    }

    private static string Token(object payload) =>
        $"e30.{Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload))).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.sig";
}
