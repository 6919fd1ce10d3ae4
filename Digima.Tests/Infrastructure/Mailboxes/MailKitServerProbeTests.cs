using System.Net;
using System.Net.Sockets;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Mailboxes;
using Digima.Tests.Support;
using Microsoft.Extensions.Options;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>The failures that need a particular server: one that never answers, TLS against a
/// plain-text server.</summary>
public sealed class MailKitServerProbeTests
{
    private static MailKitServerProbe Probe(TimeSpan timeout) =>
        new(Options.Create(new MailServerProbeOptions { ProbeTimeout = timeout }), new MailEndpointPolicy(Options.Create(new MailEndpointOptions())));

    [Fact]
    public async Task Probe_ServerNeverGreets_TimesOutWithinTheLimit()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var started = DateTimeOffset.UtcNow;

        var smtp = await Probe(TimeSpan.FromSeconds(1)).ProbeSmtpAsync(LocalMail.Login(port, "a@digima.test"), CancellationToken.None);
        var imap = await Probe(TimeSpan.FromSeconds(1)).ProbeImapAsync(LocalMail.Login(port, "a@digima.test"), CancellationToken.None);

        Assert.Equal(ProbeStatus.TimedOut, smtp.Status);
        Assert.Equal(ProbeStatus.TimedOut, imap.Status);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Probe_SslOnConnectToPlainTextServer_TlsFailed()
    {
        var login = LocalMail.Login(TestEnvironment.ImapPort, "a@digima.test") with { Security = MailSecurity.SslOnConnect };

        var result = await Probe(TimeSpan.FromSeconds(10)).ProbeImapAsync(login, CancellationToken.None);

        Assert.Equal(ProbeStatus.TlsFailed, result.Status);
    }

    [Fact]
    public async Task Probe_StartTlsOnServerWithoutIt_StartTlsNotOffered()
    {
        var login = LocalMail.Login(TestEnvironment.SmtpPort, "a@digima.test") with { Security = MailSecurity.StartTls };

        var result = await Probe(TimeSpan.FromSeconds(10)).ProbeSmtpAsync(login, CancellationToken.None);

        Assert.Equal(ProbeStatus.StartTlsNotOffered, result.Status);
    }

    [Fact]
    public async Task Probe_CallerCancels_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Probe(TimeSpan.FromSeconds(10)).ProbeImapAsync(LocalMail.Login(TestEnvironment.ImapPort, "a@digima.test"), cancelled.Token));
    }
}
