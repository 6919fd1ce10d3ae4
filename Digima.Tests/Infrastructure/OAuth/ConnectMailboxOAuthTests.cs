using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>「… で接続」 through the use cases, against the development OAuth server, Dovecot and
/// Postfix: the state is the rep's and single use, a code works once and only with its own flow,
/// and 「接続を解除」 ends the grant at the provider.</summary>
public sealed class ConnectMailboxOAuthTests : IAsyncLifetime
{
    private readonly DevOAuthClient _server = new();
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("oauth_connect", OAuthMailboxes.Settings(DevOAuthClient.TestClient));
        _rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
    }

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Complete_RepsOwnState_MailboxConnectedWithAccountAndPresets_TestPassesAndMailIsDelivered()
    {
        var (state, code) = await GrantAsync(_rep);

        var result = await CompleteAsync(_rep, state, code);

        Assert.Equal(OAuthConnectStatus.Connected, result.Status);
        Assert.Equal(_rep.Email, result.Account);
        Assert.True(result.Test is { Succeeded: true }, $"SMTP {result.Test?.Smtp.Status}, IMAP {result.Test?.Imap.Status}");
        var view = await _services.Get<GetMailboxSettingsQuery>().GetAsync(_rep, CancellationToken.None);
        Assert.Equal(new MailboxOAuthStatus(OAuthMailboxes.Provider, "Generic", _rep.Email, _services.Clock.GetUtcNow(), false), view.OAuth);
        Assert.Equal(_rep.Email, view.Input.SenderAddress);
        Assert.Equal(TestEnvironment.SmtpPort, view.Input.Smtp.Port);
        Assert.NotNull(view.SentFolderName);
        var customer = await _services.AddCustomerAsync("小川");
        var mail = await _services.SendNowAndDeliverAsync(_rep, new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
            Subject = "OAuth で接続したメールボックスから",
            Body = "{{姓}} 様",
        });
        Assert.Equal(MailStatus.Sent, mail.Status);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
    }

    [Fact]
    public async Task Complete_ReplayedState_Refused()
    {
        var (state, code) = await GrantAsync(_rep);
        Assert.Equal(OAuthConnectStatus.Connected, (await CompleteAsync(_rep, state, code)).Status);

        var replay = await CompleteAsync(_rep, state, code);

        Assert.Equal(OAuthConnectStatus.StateRefused, replay.Status);
    }

    [Fact]
    public async Task Complete_AnotherUsersState_RefusedNothingStored_OwnerStillFinishes()
    {
        var other = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        var (state, code) = await GrantAsync(_rep);

        var stolen = await CompleteAsync(other, state, code);

        Assert.Equal(OAuthConnectStatus.StateRefused, stolen.Status);
        Assert.Null(await _services.Get<IMailboxRepository>().GetAsync(other.Id, CancellationToken.None));
        Assert.Equal(OAuthConnectStatus.Connected, (await CompleteAsync(_rep, state, code)).Status);
    }

    [Fact]
    public async Task Complete_ForgedState_RefusedNothingStored()
    {
        var (_, code) = await GrantAsync(_rep);

        var forged = await CompleteAsync(_rep, "forged-state", code);

        Assert.Equal(OAuthConnectStatus.StateRefused, forged.Status);
        Assert.Null(await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Complete_CodeOfAnotherFlowOrUsedBefore_RefusedNothingStored()
    {
        var other = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        var (state, code) = await GrantAsync(_rep);
        Assert.Equal(OAuthConnectStatus.Connected, (await CompleteAsync(_rep, state, code)).Status);
        var (otherState, _) = await GrantAsync(other);

        var reused = await CompleteAsync(other, otherState, code);

        Assert.Equal(OAuthConnectStatus.CodeRefused, reused.Status);
        Assert.Null(await _services.Get<IMailboxRepository>().GetAsync(other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Disconnect_OAuthMailbox_TokensDeletedAndGrantRevokedAtTheProvider()
    {
        var (state, code) = await GrantAsync(_rep);
        Assert.Equal(OAuthConnectStatus.Connected, (await CompleteAsync(_rep, state, code)).Status);
        var grant = (await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None))!.OAuth!;
        var refreshToken = _services.Get<ISecretProtector>().Unprotect(grant.ProtectedRefreshToken);

        Assert.True(await _services.Get<DisconnectMailboxOAuthCommand>().DisconnectAsync(_rep, CancellationToken.None));

        Assert.Null(await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => _server.RefreshAsync(refreshToken));
    }

    [Fact]
    public async Task Complete_AccountConnectedAsAnotherUsersMailbox_RefusedNothingStored_TheirsKept()
    {
        var colleague = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        var shared = DevOAuthClient.NewLogin();
        var (theirState, theirCode) = await GrantAsync(colleague, shared);
        Assert.Equal(OAuthConnectStatus.Connected, (await CompleteAsync(colleague, theirState, theirCode)).Status);
        // The rep signs in at the provider with the account the colleague connected.
        var (state, code) = await GrantAsync(_rep, shared.ToUpperInvariant());

        var result = await CompleteAsync(_rep, state, code);

        Assert.Equal(OAuthConnectStatus.AccountInUse, result.Status);
        Assert.Null(await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None));
        Assert.Equal(shared, (await _services.Get<IMailboxRepository>().GetAsync(colleague.Id, CancellationToken.None))!.SenderAddress);
    }

    [Fact]
    public async Task Complete_AccountIsAnotherUsersSignIn_RefusedNothingStored_OwnAccountStillConnects()
    {
        var colleague = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        var (state, code) = await GrantAsync(_rep, colleague.Email);

        var result = await CompleteAsync(_rep, state, code);

        Assert.Equal(OAuthConnectStatus.AccountInUse, result.Status);
        Assert.Null(await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None));
        var (ownState, ownCode) = await GrantAsync(_rep);
        Assert.Equal(OAuthConnectStatus.Connected, (await CompleteAsync(_rep, ownState, ownCode)).Status);
    }

    private async Task<(string State, string Code)> GrantAsync(CurrentUser rep, string? login = null)
    {
        var url = await _services.Get<StartMailboxOAuthCommand>().StartAsync(rep, OAuthMailboxes.Provider, OAuthMailboxes.RedirectUri, CancellationToken.None);
        return await OAuthMailboxes.GrantAsync(_server, url, login ?? rep.Email);
    }

    private Task<OAuthConnectResult> CompleteAsync(CurrentUser rep, string state, string code) =>
        _services.Get<CompleteMailboxOAuthCommand>().CompleteAsync(rep, state, code, OAuthMailboxes.RedirectUri, CancellationToken.None);
}
