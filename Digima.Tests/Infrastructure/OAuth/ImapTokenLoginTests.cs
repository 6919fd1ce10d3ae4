namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>IMAP logins with tokens from the development OAuth server: Dovecot introspects every
/// token itself, so refusals here come from the mail server, not from our code (SMTP, which asks
/// Dovecot, is in <see cref="SmtpTokenLoginTests"/>; expiry is checked on both here).</summary>
public sealed class ImapTokenLoginTests : IDisposable
{
    private readonly DevOAuthClient _oauth = new();
    private readonly string _login = DevOAuthClient.NewLogin();

    public void Dispose() => _oauth.Dispose();

    [Fact]
    public async Task Authenticate_XOAuth2WithIssuedToken_LogsIn()
    {
        var tokens = await _oauth.SignInAsync(_login);

        Assert.True(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken)));
    }

    [Fact]
    public async Task Authenticate_OAuthBearerWithIssuedToken_LogsIn()
    {
        var tokens = await _oauth.SignInAsync(_login);

        Assert.True(await TokenLogins.ImapAcceptsAsync(TokenLogins.OAuthBearer(_login, tokens.AccessToken)));
    }

    [Fact]
    public async Task Authenticate_TokenTheServerNeverIssued_Refused()
    {
        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, "not-a-token-of-this-server")));
        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.OAuthBearer(_login, "not-a-token-of-this-server")));
    }

    [Fact]
    public async Task Authenticate_TokenOfAnotherUser_Refused()
    {
        var tokens = await _oauth.SignInAsync(_login);

        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(DevOAuthClient.NewLogin(), tokens.AccessToken)));
    }

    [Fact]
    public async Task Authenticate_SharedPasswordGivenAsToken_Refused()
    {
        // The password passdb answers PLAIN and LOGIN only: a token mechanism never falls back to it.
        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, Support.TestEnvironment.MailPassword)));
    }

    [Fact]
    public async Task Authenticate_RevokedToken_Refused()
    {
        var tokens = await _oauth.SignInAsync(_login);
        Assert.True(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken)));

        await _oauth.RevokeAsync(tokens.AccessToken);

        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken)));
    }

    [Fact]
    public async Task Authenticate_ExpiredToken_RefusedByImapAndSmtp()
    {
        using var shortLived = new DevOAuthClient(DevOAuthClient.ShortLivedClient);
        var tokens = await shortLived.SignInAsync(_login);
        Assert.InRange(tokens.ExpiresIn, 1, 15);
        Assert.True(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken)));

        await Task.Delay(TimeSpan.FromSeconds(tokens.ExpiresIn + 1));

        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.XOAuth2(_login, tokens.AccessToken)));
        Assert.False(await TokenLogins.SmtpAcceptsAsync(TokenLogins.OAuthBearer(_login, tokens.AccessToken)));
    }

    [Fact]
    public async Task Authenticate_TokenFromRefreshAfterRevocation_LogsIn()
    {
        var tokens = await _oauth.SignInAsync(_login);
        await _oauth.RevokeAsync(tokens.AccessToken);

        var refreshed = await _oauth.RefreshAsync(tokens.RefreshToken!);

        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        Assert.True(await TokenLogins.ImapAcceptsAsync(TokenLogins.OAuthBearer(_login, refreshed.AccessToken)));
        Assert.False(await TokenLogins.ImapAcceptsAsync(TokenLogins.OAuthBearer(_login, tokens.AccessToken)));
    }
}
