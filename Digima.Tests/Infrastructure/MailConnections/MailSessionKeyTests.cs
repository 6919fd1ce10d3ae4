using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailConnections;

namespace Digima.Tests.Infrastructure.MailConnections;

/// <summary>What a kept session is kept under: the same login finds it, any changed setting does not.</summary>
public sealed class MailSessionKeyTests
{
    private static readonly MailServerLogin Login = new("mail.example.jp", 587, MailSecurity.StartTls, "rep@example.jp", "secret-1");

    [Fact]
    public void Of_SameLoginTwice_SameKey() =>
        Assert.Equal(MailSessionKey.Of(Login), MailSessionKey.Of(Login with { }));

    [Theory]
    [InlineData("other.example.jp", 587, "rep@example.jp", "secret-1")]
    [InlineData("mail.example.jp", 465, "rep@example.jp", "secret-1")]
    [InlineData("mail.example.jp", 587, "other@example.jp", "secret-1")]
    [InlineData("mail.example.jp", 587, "rep@example.jp", "secret-2")]
    public void Of_ChangedSetting_OtherKey(string host, int port, string userName, string password) =>
        Assert.NotEqual(MailSessionKey.Of(Login), MailSessionKey.Of(new MailServerLogin(host, port, MailSecurity.StartTls, userName, password)));

    [Fact]
    public void Of_Password_KeptAsHashNotItself()
    {
        var key = MailSessionKey.Of(Login);

        Assert.Equal(MailCredentialKind.Password, key.Credential);
        Assert.DoesNotContain("secret-1", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_OAuth2_SameKeyAcrossTokenRotationAndNotThePasswordSession()
    {
        var expires = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
        var token = MailServerLogin.WithAccessToken("mail.example.jp", 587, MailSecurity.StartTls, "rep@example.jp", "token-1", expires);
        var rotated = MailServerLogin.WithAccessToken("mail.example.jp", 587, MailSecurity.StartTls, "rep@example.jp", "token-2", expires.AddHours(1));

        Assert.Equal(MailSessionKey.Of(token), MailSessionKey.Of(rotated));
        Assert.NotEqual(MailSessionKey.Of(Login), MailSessionKey.Of(token));
        Assert.DoesNotContain("token-1", MailSessionKey.Of(token).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", token.ToString(), StringComparison.Ordinal);
    }
}
