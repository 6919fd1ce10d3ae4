using System.Net.Sockets;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailConnections;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>Logs in with MailKit exactly as the send and import paths will (same security
/// mapping), under a short timeout, and reports the first failure. Each probe owns its client:
/// MailKit clients must never be shared between threads, and the two probes run in parallel.</summary>
internal sealed class MailKitServerProbe(IOptions<MailServerProbeOptions> options, MailEndpointPolicy endpoints) : IMailServerProbe
{
    private const int LoginAllowanceFactor = 3;

    public Task<ProbeResult> ProbeSmtpAsync(MailServerLogin login, CancellationToken cancellationToken) =>
        ProbeAsync(new SmtpClient(), login, (_, _) => Task.FromResult(ProbeResult.Success()), cancellationToken);

    public Task<ProbeResult> ProbeImapAsync(MailServerLogin login, CancellationToken cancellationToken) =>
        ProbeAsync(new ImapClient(), login, async (client, token) =>
        {
            var sent = await SentFolderFinder.FindAsync(client, token);
            return sent is null ? new ProbeResult(ProbeStatus.SentFolderMissing) : ProbeResult.Success(sent.FullName);
        }, cancellationToken);

    /// <summary>Connect, log in, then the protocol's own check (<paramref name="afterLogin"/>),
    /// reporting the stage that failed.</summary>
    private async Task<ProbeResult> ProbeAsync<TClient>(
        TClient client, MailServerLogin login, Func<TClient, CancellationToken, Task<ProbeResult>> afterLogin, CancellationToken cancellationToken)
        where TClient : IMailService
    {
        ArgumentNullException.ThrowIfNull(login);
        using var owned = client;
        var timeout = options.Value.ProbeTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        client.Timeout = (int)timeout.TotalMilliseconds;
        var stage = ProbeStage.Connect;
        try
        {
            if (await endpoints.ConnectAllowedAsync(login.Host, login.Port, deadline.Token) is not { } socket)
            {
                return new ProbeResult(ProbeStatus.AddressNotAllowed);
            }

            // The host name still goes to MailKit: TLS checks the certificate against it.
            await client.ConnectAsync(socket, login.Host, login.Port, MailKitSecurity.ToSocketOptions(login.Security), deadline.Token);
            AllowForLogin(client, deadline, timeout);
            stage = ProbeStage.Authenticate;
            // As the send and import paths log in: a password, or an access token with XOAUTH2.
            await MailKitConnect.AuthenticateAsync(client, login, deadline.Token);
            stage = ProbeStage.Folders;
            var result = await afterLogin(client, deadline.Token);
            await QuitQuietlyAsync(client, deadline.Token);
            return result;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeFailures.Describe(e, stage, login.Security);
        }
    }

    /// <summary>The connect (TCP, TLS, greeting) must finish within the timeout: that is the
    /// "no answer" case. Servers delay a failed login on purpose, more after repeated failures
    /// (Dovecot up to 15 s), so the login and the folder lookup get longer, lest a wrong
    /// password be reported as a timeout.</summary>
    private static void AllowForLogin(IMailService client, CancellationTokenSource deadline, TimeSpan timeout)
    {
        var longer = timeout * LoginAllowanceFactor;
        client.Timeout = (int)longer.TotalMilliseconds;
        deadline.CancelAfter(longer);
    }

    // The login has been proven by now; a server that drops the line on QUIT/LOGOUT is no failure.
    private static async Task QuitQuietlyAsync(IMailService client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ProtocolException or OperationCanceledException)
        {
            // Nothing to do: the client is disposed right after.
        }
    }
}

/// <summary>How long a connection test may wait for each server (<c>Digima:Mailboxes:ProbeTimeout</c>).</summary>
public sealed class MailServerProbeOptions
{
    public const string Section = "Digima:Mailboxes";

    [TimeSpanRange("00:00:00", "00:02:00", MinimumIsExclusive = true)]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
