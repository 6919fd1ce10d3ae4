using Digima.Core.Accounts;
using Digima.Core.Compose.Signatures;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Compose;

public sealed class SignatureRepositoryTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("signatures");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_CrLfAndTrailingSpaces_StoredNormalisedForThatUserOnly()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);

        var outcome = await _services.Get<SaveSignatureCommand>().SaveAsync(rep, "{{送信者名}}  \r\n株式会社デジマ\r\n", CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal("{{送信者名}}\n株式会社デジマ", await GetAsync(rep));
        Assert.Equal("", await GetAsync(other));
    }

    [Fact]
    public async Task Save_AgainThenEmpty_ReplacesThenRemoves()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveSignatureCommand>();

        await save.SaveAsync(rep, "旧署名", CancellationToken.None);
        await save.SaveAsync(rep, "新署名", CancellationToken.None);
        Assert.Equal("新署名", await GetAsync(rep));

        await save.SaveAsync(rep, " \n ", CancellationToken.None);
        Assert.Equal("", await GetAsync(rep));
        Assert.Equal("", await _services.Get<ISignatureRepository>().GetAsync(rep.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Save_UnknownMergeToken_RefusedAndPreviousKept()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveSignatureCommand>();
        await save.SaveAsync(rep, "{{送信者名}}", CancellationToken.None);

        var outcome = await save.SaveAsync(rep, "{{担当者}}", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("差し込み項目「{{担当者}}」は存在しません。「差し込み項目」ボタンから挿入してください。", Assert.Single(outcome.Errors).ErrorMessage);
        Assert.Equal("{{送信者名}}", await GetAsync(rep));
    }

    private Task<string> GetAsync(Digima.Core.Common.CurrentUser user) =>
        _services.Get<GetSignatureQuery>().GetAsync(user, CancellationToken.None);
}
