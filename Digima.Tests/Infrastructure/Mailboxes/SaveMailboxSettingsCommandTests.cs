using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

public sealed class SaveMailboxSettingsCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("mbsave");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_ThenGet_RoundTripsWithoutPasswords()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        input.SaveCopyToSent = false;
        input.SentFolderName = "Sent";

        var outcome = await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, input, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        var view = await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None);
        Assert.True(view.IsConnected);
        Assert.True(view.SmtpPasswordSet && view.ImapPasswordSet);
        Assert.Equal("", view.Input.Smtp.Password);
        Assert.Equal("", view.Input.Imap.Password);
        Assert.Equal(TestEnvironment.SmtpPort, view.Input.Smtp.Port);
        Assert.Equal(MailSecurity.None, view.Input.Imap.Security);
        Assert.Equal(rep.Email, view.Input.Imap.UserName);
        Assert.Equal("佐藤 健太", view.Input.SenderName);
        Assert.False(view.Input.SaveCopyToSent);
        Assert.Equal("Sent", view.SentFolderName);
    }

    [Fact]
    public async Task Get_NothingSaved_NotConnectedWithOwnNameAndTlsDefaults()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var view = await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None);

        Assert.False(view.IsConnected);
        Assert.Equal(rep.Email, view.Input.SenderAddress);
        Assert.Equal(rep.DisplayName, view.Input.SenderName);
        Assert.Equal((465, MailSecurity.SslOnConnect), (view.Input.Smtp.Port, view.Input.Smtp.Security));
        Assert.Equal((993, MailSecurity.SslOnConnect), (view.Input.Imap.Port, view.Input.Imap.Security));
        Assert.True(view.Input.SaveCopyToSent);
        Assert.Null(await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Save_Passwords_StoredEncryptedInEveryColumn_AndConnectionsDecrypt()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email, "smtp-秘密-7f3a");
        input.Imap.Password = "imap-秘密-9c2e";

        await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, input, CancellationToken.None);

        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<string>("SELECT t::text FROM mailboxes t")).ToList();
        var row = Assert.Single(rows);
        Assert.DoesNotContain("秘密", row, StringComparison.Ordinal);
        Assert.DoesNotContain("7f3a", row, StringComparison.Ordinal);
        Assert.DoesNotContain("9c2e", row, StringComparison.Ordinal);

        var mailbox = await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
        Assert.NotNull(mailbox);
        Assert.Equal("smtp-秘密-7f3a", mailbox.Smtp.Password);
        Assert.Equal("imap-秘密-9c2e", mailbox.Imap.Password);
        Assert.Equal(new MailServerLogin(TestEnvironment.MailHost, TestEnvironment.ImapPort, MailSecurity.None, rep.Email, "imap-秘密-9c2e"), mailbox.Imap);
        Assert.Equal((rep.Email, "佐藤 健太", true), (mailbox.SenderAddress, mailbox.SenderName, mailbox.SaveCopyToSent));
    }

    [Fact]
    public async Task Save_EmptyPasswordOnEdit_KeepsTheSavedOne()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveMailboxSettingsCommand>();
        await save.SaveAsync(rep, LocalMail.Input(rep.Email, "first-password"), CancellationToken.None);

        var edit = (await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None)).Input;
        edit.SenderName = "佐藤 健太（営業部）";
        var outcome = await save.SaveAsync(rep, edit, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        var mailbox = await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
        Assert.Equal(("first-password", "first-password"), (mailbox!.Smtp.Password, mailbox.Imap.Password));
        Assert.Equal("佐藤 健太（営業部）", mailbox.SenderName);
    }

    [Fact]
    public async Task Save_HostChangedWithEmptyPassword_AsksForThePasswordAgain()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveMailboxSettingsCommand>();
        await save.SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);

        var edit = (await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None)).Input;
        edit.Smtp.Host = "smtp.attacker.example";
        edit.Smtp.Security = MailSecurity.SslOnConnect;
        var outcome = await save.SaveAsync(rep, edit, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("Smtp.Password", error.PropertyName);
        Assert.Equal("サーバー名、ポート番号またはユーザー名を変更したため、パスワードを入力し直してください。", error.ErrorMessage);
    }

    [Fact]
    public async Task Save_PortChangedWithEmptyPassword_AsksForThePasswordAgain()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveMailboxSettingsCommand>();
        await save.SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);

        var edit = (await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None)).Input;
        edit.Imap.Port = 2143;
        var outcome = await save.SaveAsync(rep, edit, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("Imap.Password", error.PropertyName);
        var mailbox = await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
        Assert.Equal(TestEnvironment.ImapPort, mailbox!.Imap.Port);
    }

    [Fact]
    public async Task Save_FirstTimeWithoutPasswords_Refused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var outcome = await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, LocalMail.Input(rep.Email, ""), CancellationToken.None);

        Assert.Equal(["Imap.Password", "Smtp.Password"], outcome.Errors.Select(e => e.PropertyName).Order());
        Assert.All(outcome.Errors, e => Assert.Equal("パスワードを入力してください。", e.ErrorMessage));
    }

    [Fact]
    public async Task Save_SecurityNoneForRemoteHost_Refused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        input.Smtp.Host = "smtp.example.co.jp";

        var outcome = await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, input, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("Smtp.Security", error.PropertyName);
        Assert.StartsWith("「なし」はこのコンピューター上のサーバー", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Save_LineBreakInSenderName_Refused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = LocalMail.Input(rep.Email);
        input.SenderName = "佐藤\r\nBcc: victim@example.test";

        var outcome = await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, input, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("SenderName", "改行や制御文字は使用できません。"), (error.PropertyName, error.ErrorMessage));
    }
}
