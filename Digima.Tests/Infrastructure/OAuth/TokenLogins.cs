using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>Logs in to the test Dovecot (IMAP) and Postfix (SMTP) with an access token, as a mail
/// client does with Gmail or Microsoft 365. Whether the token is good is decided by the servers.</summary>
internal static class TokenLogins
{
    public static SaslMechanism XOAuth2(string login, string token) => new SaslMechanismOAuth2(login, token);

    public static SaslMechanism OAuthBearer(string login, string token) => new SaslMechanismOAuthBearer(login, token);

    /// <summary>True when IMAP accepts the mechanism, false when it answers "authentication failed".</summary>
    public static async Task<bool> ImapAcceptsAsync(SaslMechanism mechanism)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, SecureSocketOptions.None);
        try
        {
            await client.AuthenticateAsync(mechanism);
            await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
            return true;
        }
        catch (AuthenticationException)
        {
            return false;
        }
        finally
        {
            await client.DisconnectAsync(true);
        }
    }

    /// <summary>True when SMTP accepts the mechanism, false when it answers 535.</summary>
    public static async Task<bool> SmtpAcceptsAsync(SaslMechanism mechanism)
    {
        using var client = await ConnectSmtpAsync();
        try
        {
            await client.AuthenticateAsync(mechanism);
            return true;
        }
        catch (AuthenticationException)
        {
            return false;
        }
        finally
        {
            await client.DisconnectAsync(true);
        }
    }

    public static async Task<SmtpClient> ConnectSmtpAsync()
    {
        var client = new SmtpClient();
        await client.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.SmtpPort, SecureSocketOptions.None);
        return client;
    }
}
