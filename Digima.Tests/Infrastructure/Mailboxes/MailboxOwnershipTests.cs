using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>R29: a user sees and changes only their own mailbox; the use cases take no user id,
/// only the signed-in user, so there is nothing to point at someone else's.</summary>
public sealed class MailboxOwnershipTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("mbown");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Get_ManagerWithoutMailbox_DoesNotSeeARepsSettings()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);

        var view = await _services.Get<GetMailboxSettingsQuery>().GetAsync(manager, CancellationToken.None);

        Assert.False(view.IsConnected);
        Assert.False(view.SmtpPasswordSet);
        Assert.Equal(manager.Email, view.Input.SenderAddress);
        Assert.NotEqual(TestEnvironment.MailHost, view.Input.Smtp.Host);
    }

    [Fact]
    public async Task Save_TwoReps_EachChangesOnlyTheirOwn()
    {
        var sato = await _services.AddUserAsync(UserRole.Rep);
        var suzuki = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveMailboxSettingsCommand>();
        await save.SaveAsync(sato, LocalMail.Input(sato.Email, "sato-password"), CancellationToken.None);

        await save.SaveAsync(suzuki, LocalMail.Input(suzuki.Email, "suzuki-password"), CancellationToken.None);

        var connections = _services.Get<IMailboxConnections>();
        var satoMailbox = await connections.GetAsync(sato.Id, CancellationToken.None);
        var suzukiMailbox = await connections.GetAsync(suzuki.Id, CancellationToken.None);
        Assert.Equal((sato.Email, "sato-password"), (satoMailbox!.SenderAddress, satoMailbox.Smtp.Password));
        Assert.Equal((suzuki.Email, "suzuki-password"), (suzukiMailbox!.SenderAddress, suzukiMailbox.Smtp.Password));
        var suzukiView = await _services.Get<GetMailboxSettingsQuery>().GetAsync(suzuki, CancellationToken.None);
        Assert.Equal(suzuki.Email, suzukiView.Input.Smtp.UserName);
    }

    [Fact]
    public async Task Test_EmptyPassword_UsesOnlyTheActorsOwnSavedPassword()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);

        // The other rep names the same login but has no saved password of their own.
        var outcome = await _services.Get<TestMailboxConnectionCommand>().TestAsync(other, LocalMail.Input(rep.Email, ""), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.PropertyName == "Smtp.Password" && e.ErrorMessage == "パスワードを入力してください。");
    }
}
