using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>Who files the Sent copies is learnt on one set of servers, login and Sent folder: the
/// settings page keeps it while those stay, and forgets it (the next send finds out again) when
/// they change.</summary>
public sealed class SentCopyFilingSettingsTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("sent-filing-settings");
        _rep = await _services.AddUserAsync(UserRole.Rep);
        await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(_rep, Input(), CancellationToken.None);
        var connection = await _services.Get<IMailboxConnections>().GetAsync(_rep.Id, CancellationToken.None);
        Assert.True(await _services.Get<IMailboxRepository>().RememberSentCopiesAsync(connection!, SentCopyFiling.ByServer, CancellationToken.None));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_OnlySenderAndCopySwitchChanged_StillKnownAndShown()
    {
        var input = Input();
        input.SenderName = "別の 名前";
        input.SaveCopyToSent = false;

        await SaveAsync(input);

        Assert.Equal(SentCopyFiling.ByServer, (await _services.Get<GetMailboxSettingsQuery>().GetAsync(_rep, CancellationToken.None)).SentCopies);
    }

    [Fact]
    public async Task Save_AnotherImapLogin_ForgottenUntilTheNextSend()
    {
        var input = Input();
        input.Imap.UserName = "other." + _rep.Email;
        input.Imap.Password = TestEnvironment.MailPassword;

        await SaveAsync(input);

        Assert.Equal(SentCopyFiling.Unknown, await FilingAsync());
    }

    [Fact]
    public async Task Save_AnotherSmtpServer_Forgotten()
    {
        var input = Input();
        input.Smtp.Port = TestEnvironment.SmtpPort + 1;
        input.Smtp.Password = TestEnvironment.MailPassword;

        await SaveAsync(input);

        Assert.Equal(SentCopyFiling.Unknown, await FilingAsync());
    }

    [Fact]
    public async Task ConnectionTest_FindsAnotherSentFolder_Forgotten()
    {
        await _services.Get<IMailboxRepository>().SetSentFolderAsync(
            _rep.Id, new MailServerKey(TestEnvironment.MailHost, TestEnvironment.ImapPort, _rep.Email), "INBOX/Sent", _services.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(SentCopyFiling.Unknown, await FilingAsync());
    }

    [Fact]
    public async Task Remember_SettingsSavedMeanwhile_NotRecordedForTheNewServers()
    {
        var used = await _services.Get<IMailboxConnections>().GetAsync(_rep.Id, CancellationToken.None);
        var input = Input();
        input.Imap.UserName = "other." + _rep.Email;
        input.Imap.Password = TestEnvironment.MailPassword;
        await SaveAsync(input);

        Assert.False(await _services.Get<IMailboxRepository>().RememberSentCopiesAsync(used!, SentCopyFiling.ByApp, CancellationToken.None));
        Assert.Equal(SentCopyFiling.Unknown, await FilingAsync());
    }

    private MailboxInput Input()
    {
        var input = LocalMail.Input(_rep.Email);
        input.SentFolderName = "Sent";
        return input;
    }

    private async Task SaveAsync(MailboxInput input)
    {
        var outcome = await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(_rep, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
    }

    private async Task<SentCopyFiling> FilingAsync() =>
        (await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None))!.SentCopies;
}
