using Digima.Core.Mailboxes;
using Digima.Infrastructure.Mailboxes;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Digima.Infrastructure.MailConnections;

/// <summary>Opens authenticated MailKit clients for a rep's mailbox, only to addresses the
/// <see cref="MailEndpointPolicy"/> allows (a saved host is used without 「接続テスト」). A client
/// is never shared between threads: each call gets its own.</summary>
internal sealed class MailKitConnect(MailEndpointPolicy endpoints, MailboxGrantRefresh grants)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <exception cref="MailEndpointRefusedException">The host is at an address not allowed.</exception>
    /// <exception cref="MailboxReconnectRequiredException">A refused access token could not be renewed: the grant ended.</exception>
    /// <exception cref="MailboxTokenUnavailableException">A refused access token could not be renewed for now.</exception>
    public async Task<SmtpClient> SmtpAsync(MailServerLogin login, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(client, login, cancellationToken);
            if (client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await LogInAsync(client, login, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <exception cref="MailEndpointRefusedException">The host is at an address not allowed.</exception>
    /// <exception cref="MailboxReconnectRequiredException">A refused access token could not be renewed: the grant ended.</exception>
    /// <exception cref="MailboxTokenUnavailableException">A refused access token could not be renewed for now.</exception>
    public async Task<ImapClient> ImapAsync(MailServerLogin login, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(client, login, cancellationToken);
            await LogInAsync(client, login, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Ends a session without holding up the caller: the goodbye (QUIT, LOGOUT) waits
    /// for the server's answer, at most a few seconds for one that went away.</summary>
    public static void LogOutInBackground(IMailService client) => _ = LogOutAsync(client);

    /// <summary>Says goodbye (QUIT, LOGOUT) when still connected, then frees the client; never throws.</summary>
    public static async Task LogOutAsync(IMailService client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception)
        {
            // The session is gone either way; nothing was left half-written on our side.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>The Sent folder: the saved name, else what the connection test would find
    /// (SPECIAL-USE \Sent, else common names).</summary>
    public static async Task<IMailFolder?> SentFolderAsync(ImapClient client, string? savedName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(savedName))
        {
            try
            {
                return await client.GetFolderAsync(savedName, cancellationToken);
            }
            catch (FolderNotFoundException)
            {
                // Renamed on the server since it was saved: look for it again below.
            }
        }

        return await SentFolderFinder.FindAsync(client, cancellationToken);
    }

    /// <summary>An access token the server refuses before its expiry (revoked at the provider while
    /// the grant stays good) would fail every login until it nears expiry: it is renewed once from
    /// the grant and the login tried once more on the same connection. A grant the provider ended
    /// throws <see cref="MailboxReconnectRequiredException"/> (「再接続が必要」).</summary>
    private async Task LogInAsync(IMailService client, MailServerLogin login, CancellationToken cancellationToken)
    {
        try
        {
            await AuthenticateAsync(client, login, cancellationToken);
        }
        catch (AuthenticationException) when (login is { Kind: MailCredentialKind.OAuth2, TokenOwnerId: { } owner })
        {
            if (await grants.RenewRefusedAsync(owner, login.Password, cancellationToken) is not ({ } token, _))
            {
                throw;
            }

            await AuthenticateAsync(client, login with { Password = token }, cancellationToken);
        }
    }

    /// <summary>A password as the server prefers it; an access token with XOAUTH2, which Gmail and
    /// Microsoft 365 both take (Microsoft has no OAUTHBEARER), or with the standard OAUTHBEARER
    /// (RFC 7628) on a server that offers only that.</summary>
    internal static Task AuthenticateAsync(IMailService client, MailServerLogin login, CancellationToken cancellationToken)
    {
        if (login.Kind == MailCredentialKind.Password)
        {
            return client.AuthenticateAsync(login.UserName, login.Password, cancellationToken);
        }

        var offered = client.AuthenticationMechanisms;
        SaslMechanism mechanism = !offered.Contains("XOAUTH2") && offered.Contains("OAUTHBEARER")
            ? new SaslMechanismOAuthBearer(login.UserName, login.Password)
            : new SaslMechanismOAuth2(login.UserName, login.Password);
        return client.AuthenticateAsync(mechanism, cancellationToken);
    }

    private async Task ConnectAsync(IMailService client, MailServerLogin login, CancellationToken cancellationToken)
    {
        // The TCP connect gets the client's own time limit, as MailKit's connect by host name had.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var socket = await endpoints.ConnectAllowedAsync(login.Host, login.Port, deadline.Token)
            ?? throw new MailEndpointRefusedException(login.Host);
        // The host name still goes to MailKit: TLS checks the certificate against it.
        await client.ConnectAsync(socket, login.Host, login.Port, MailKitSecurity.ToSocketOptions(login.Security), cancellationToken);
    }
}
