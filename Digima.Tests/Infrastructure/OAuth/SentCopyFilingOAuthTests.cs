using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>An OAuth mailbox keeps who files its Sent copies like a password one, and forgets it
/// when it is connected again (it may be another account or provider now).</summary>
public sealed class SentCopyFilingOAuthTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("oauth_sent_filing", OAuthMailboxes.Settings(DevOAuthClient.TestClient));
        _rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Connect_Again_ForgetsWhatWasLearnt()
    {
        await ConnectAsync();
        var connection = await _services.Get<IMailboxConnections>().GetAsync(_rep.Id, CancellationToken.None);
        Assert.True(await _services.Get<IMailboxRepository>().RememberSentCopiesAsync(connection!, SentCopyFiling.ByServer, CancellationToken.None));
        Assert.Equal(SentCopyFiling.ByServer, await FilingAsync());

        await ConnectAsync();

        Assert.Equal(SentCopyFiling.Unknown, await FilingAsync());
    }

    private async Task ConnectAsync() =>
        Assert.Equal(OAuthConnectStatus.Connected, (await OAuthMailboxes.ConnectThroughAppAsync(_services, _rep)).Status);

    private async Task<SentCopyFiling> FilingAsync() =>
        (await _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None))!.SentCopies;
}
