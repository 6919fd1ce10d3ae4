using System.Net;
using System.Net.Sockets;
using System.Text;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>「接続テスト」 is no port scanner: it is limited per user, refuses the server's own
/// neighbourhood unless allowed, never sends a saved password to a new endpoint, and tells the
/// rep what failed without repeating what a server said.</summary>
public sealed class ConnectionTestGuardTests
{
    [Fact]
    public async Task Test_LoopbackNotAllowed_RefusedWithoutConnecting()
    {
        await using var services = await ServiceHarness.CreateAsync("mbguard", new Dictionary<string, string?> { ["Digima:Mailboxes:AllowLoopback"] = "false" });
        var rep = await services.AddUserAsync(UserRole.Rep);
        using var listener = new BannerServer("220 mail.internal ESMTP\r\n");
        var input = LocalMail.Input(rep.Email);
        input.Smtp.Port = input.Imap.Port = listener.Port;

        var report = await TestAsync(services, rep, input);

        Assert.Equal((ProbeStatus.AddressNotAllowed, ProbeStatus.AddressNotAllowed), (report.Smtp.Status, report.Imap.Status));
        Assert.Equal(0, listener.Connections);
    }

    /// <summary>A mailbox saved without 「接続テスト」 (or whose host moved since) is held to the
    /// same rule: import and sending never connect to an address the policy refuses.</summary>
    [Fact]
    public async Task SyncAndSend_SavedHostAtRefusedAddress_NeverConnectAndSayWhy()
    {
        await using var services = await ServiceHarness.CreateAsync("mbguard", new Dictionary<string, string?> { ["Digima:Mailboxes:AllowLoopback"] = "false" });
        var rep = await services.AddUserAsync(UserRole.Rep);
        using var listener = new BannerServer("220 mail.internal ESMTP\r\n");
        await TestMailboxes.ConnectAsync(services.Provider, rep, smtpPort: listener.Port, imapPort: listener.Port);

        var sync = await services.Get<Digima.Core.MailImport.SyncMailboxCommand>().SyncAsync(rep.Id, CancellationToken.None);
        var login = new MailServerLogin(TestEnvironment.MailHost, listener.Port, MailSecurity.None, rep.Email, TestEnvironment.MailPassword);
        var refused = await Assert.ThrowsAsync<Digima.Infrastructure.Mailboxes.MailEndpointRefusedException>(
            () => services.Get<Digima.Infrastructure.MailConnections.MailKitConnect>().SmtpAsync(login, CancellationToken.None));
        var described = services.Get<Digima.Infrastructure.Sending.TransportErrors>().Describe(refused, login);

        Assert.Equal(Digima.Core.MailImport.MailboxSyncOutcome.Failed, sync.Outcome);
        Assert.Contains("接続しないアドレス", sync.Error, StringComparison.Ordinal);
        Assert.True(described.Permanent);
        Assert.Contains("接続しないアドレス", described.Error, StringComparison.Ordinal);
        Assert.Equal(0, listener.Connections);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("fd00:ec2::254")]
    [InlineData("100.100.100.200")]
    public async Task Test_PrivateLinkLocalOrMetadataAddress_RefusedByDefault(string host)
    {
        await using var services = await ServiceHarness.CreateAsync("mbguard");
        var rep = await services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        foreach (var server in new[] { input.Smtp, input.Imap })
        {
            server.Host = host;
            server.Security = MailSecurity.SslOnConnect;
        }

        var report = await TestAsync(services, rep, input);

        Assert.Equal((ProbeStatus.AddressNotAllowed, ProbeStatus.AddressNotAllowed), (report.Smtp.Status, report.Imap.Status));
    }

    [Fact]
    public async Task Test_MoreRunsThanTheAllowance_RefusedForThatUserOnly()
    {
        await using var services = await ServiceHarness.CreateAsync("mbguard", new Dictionary<string, string?> { ["Digima:Mailboxes:ConnectionTestLimit:PermitLimit"] = "2" });
        var rep = await services.AddUserAsync(UserRole.Rep);
        var other = await services.AddUserAsync(UserRole.Rep);
        var command = services.Get<TestMailboxConnectionCommand>();
        var input = LocalMail.Input(rep.Email);
        input.Smtp.Port = input.Imap.Port = TestPorts.Closed();

        await command.TestAsync(rep, input, CancellationToken.None);
        await command.TestAsync(rep, input, CancellationToken.None);
        var third = await command.TestAsync(rep, input, CancellationToken.None);
        var otherFirst = await command.TestAsync(other, input, CancellationToken.None);

        var error = Assert.Single(third.Errors);
        Assert.Equal(("", "接続テストの回数が上限に達しました。1分ほど待ってから、もう一度お試しください。"), (error.PropertyName, error.ErrorMessage));
        Assert.True(otherFirst.Succeeded);
    }

    [Fact]
    public async Task Test_NotAMailServer_ReportsTheCategoryNotTheServersWords()
    {
        await using var services = await ServiceHarness.CreateAsync("mbguard");
        var rep = await services.AddUserAsync(UserRole.Rep);
        using var listener = new BannerServer("554 build-host-secret-7731 internal relay only\r\n");
        var input = LocalMail.Input(rep.Email);
        input.Smtp.Port = input.Imap.Port = listener.Port;

        var report = await TestAsync(services, rep, input);

        Assert.False(report.Smtp.Succeeded);
        Assert.False(report.Imap.Succeeded);
        Assert.Null(report.Smtp.Detail);
        Assert.Null(report.Imap.Detail);
        Assert.DoesNotContain("build-host-secret", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_SavedMailboxPortChangedWithEmptyPassword_NothingSentToTheNewPort()
    {
        await using var services = await ServiceHarness.CreateAsync("mbguard");
        var rep = await services.AddUserAsync(UserRole.Rep);
        await services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);
        using var listener = new BannerServer("220 elsewhere ESMTP\r\n");
        var form = (await services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None)).Input;
        form.Smtp.Port = listener.Port;

        var tested = await services.Get<TestMailboxConnectionCommand>().TestAsync(rep, form, CancellationToken.None);
        var saved = await services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, form, CancellationToken.None);

        Assert.Equal("Smtp.Password", Assert.Single(tested.Errors).PropertyName);
        Assert.Equal("Smtp.Password", Assert.Single(saved.Errors).PropertyName);
        Assert.Equal(0, listener.Connections);
    }

    private static async Task<MailboxTestReport> TestAsync(ServiceHarness services, CurrentUser actor, MailboxInput input)
    {
        var outcome = await services.Get<TestMailboxConnectionCommand>().TestAsync(actor, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        return outcome.Value!;
    }

    /// <summary>A loopback TCP server that greets every connection with a fixed line and counts them.</summary>
    private sealed class BannerServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public BannerServer(string banner)
        {
            _listener.Start();
            _ = AcceptAsync(Encoding.ASCII.GetBytes(banner));
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync(byte[] banner)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    _ = GreetAsync(client, banner);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        private async Task GreetAsync(TcpClient client, byte[] banner)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    await stream.WriteAsync(banner, _stop.Token);
                    var buffer = new byte[1024];
                    while (await stream.ReadAsync(buffer, _stop.Token) > 0)
                    {
                        await stream.WriteAsync("500 what\r\n"u8.ToArray(), _stop.Token);
                    }
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    // The probe hung up.
                }
            }
        }
    }
}
