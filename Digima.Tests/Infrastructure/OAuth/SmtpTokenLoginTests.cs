using Digima.Tests.Support;
using MimeKit;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>SMTP AUTH with tokens: Postfix asks Dovecot, which introspects the token.</summary>
public sealed class SmtpTokenLoginTests : IDisposable
{
    private readonly DevOAuthClient _oauth = new();
    private readonly string _login = DevOAuthClient.NewLogin();

    public void Dispose() => _oauth.Dispose();

    [Fact]
    public async Task Send_AuthenticatedWithXOAuth2Token_ReachesCustomerMailbox()
    {
        var tokens = await _oauth.SignInAsync(_login);
        var customer = $"customer.{Guid.NewGuid():N}"[..20] + "@example.test";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_login));
        message.To.Add(MailboxAddress.Parse(customer));
        message.Subject = "OAuth で送信";
        message.Body = new TextPart("plain") { Text = "トークンで認証して送ったメールです。" };
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("digima.test");

        using (var smtp = await TokenLogins.ConnectSmtpAsync())
        {
            await smtp.AuthenticateAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken));
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        var received = await MailboxReader.WaitForAsync(customer, message.MessageId);
        Assert.Equal("OAuth で送信", Assert.Single(received).Subject);
    }

    [Fact]
    public async Task Authenticate_OAuthBearerWithIssuedToken_Accepted()
    {
        var tokens = await _oauth.SignInAsync(_login);

        Assert.True(await TokenLogins.SmtpAcceptsAsync(TokenLogins.OAuthBearer(_login, tokens.AccessToken)));
    }

    [Fact]
    public async Task Authenticate_GarbageAndRevokedTokens_Refused()
    {
        var tokens = await _oauth.SignInAsync(_login);
        await _oauth.RevokeAsync(tokens.AccessToken);

        Assert.False(await TokenLogins.SmtpAcceptsAsync(TokenLogins.XOAuth2(_login, "not-a-token-of-this-server")));
        Assert.False(await TokenLogins.SmtpAcceptsAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken)));
    }
}
