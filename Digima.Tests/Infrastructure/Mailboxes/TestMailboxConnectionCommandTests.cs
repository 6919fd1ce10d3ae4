using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>「接続テスト」 against the real test Dovecot and Postfix.</summary>
public sealed class TestMailboxConnectionCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("mbtest");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Test_LocalServers_BothLogIn_AndFindSent()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var report = await TestAsync(rep, LocalMail.Input(rep.Email));

        Assert.Equal(ProbeStatus.Succeeded, report.Smtp.Status);
        Assert.Equal(ProbeStatus.Succeeded, report.Imap.Status);
        Assert.Equal("Sent", report.Imap.SentFolderName);
    }

    [Fact]
    public async Task Test_WrongPassword_BothSayWrongPassword()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var report = await TestAsync(rep, LocalMail.Input(rep.Email, "not-the-password"));

        Assert.Equal(ProbeStatus.AuthenticationFailed, report.Smtp.Status);
        Assert.Equal(ProbeStatus.AuthenticationFailed, report.Imap.Status);
        Assert.DoesNotContain("not-the-password", report.Smtp.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ClosedPort_ConnectionRefused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        input.Smtp.Port = input.Imap.Port = TestPorts.Closed();

        var report = await TestAsync(rep, input);

        Assert.Equal(ProbeStatus.ConnectionRefused, report.Smtp.Status);
        Assert.Equal(ProbeStatus.ConnectionRefused, report.Imap.Status);
    }

    [Fact]
    public async Task Test_UnknownHost_HostNotFound()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        foreach (var server in new[] { input.Smtp, input.Imap })
        {
            server.Host = "no-such-host.invalid";
            server.Security = MailSecurity.SslOnConnect;
        }

        var report = await TestAsync(rep, input);

        Assert.Equal(ProbeStatus.HostNotFound, report.Smtp.Status);
        Assert.Equal(ProbeStatus.HostNotFound, report.Imap.Status);
    }

    [Fact]
    public async Task Test_SavedMailboxWithEmptyPasswords_UsesSavedPasswordsAndSavesSentFolder()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);
        var form = (await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None)).Input;

        var report = await TestAsync(rep, form);

        Assert.True(report.Succeeded, $"{report.Smtp} {report.Imap}");
        var mailbox = await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
        Assert.Equal("Sent", mailbox!.SentFolderName);
    }

    [Fact]
    public async Task Test_SenderFieldsEmpty_StillTests_ButNoneOnRemoteHostIsRefused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        input.SenderAddress = "";
        input.Imap.Host = "imap.example.co.jp";

        var outcome = await _services.Get<TestMailboxConnectionCommand>().TestAsync(rep, input, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("Imap.Security", error.PropertyName);
    }

    private async Task<MailboxTestReport> TestAsync(Digima.Core.Common.CurrentUser actor, MailboxInput input)
    {
        var outcome = await _services.Get<TestMailboxConnectionCommand>().TestAsync(actor, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        return outcome.Value!;
    }

}
