using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Templates;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Templates;

public sealed class TemplateCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("templates");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_NewTemplate_KeepsMergeTokensAndTrimsName()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = new TemplateInput { Name = " 初回挨拶 ", Subject = "{{姓}}様へのご案内", Body = "{{姓}}様\n\nいつもお世話になっております。\n" };

        var id = await SaveAsync(rep, 0, input);

        var saved = await _services.Get<GetTemplateQuery>().GetAsync(rep, id, CancellationToken.None);
        Assert.Equal("初回挨拶", saved.Name);
        Assert.Equal("{{姓}}様へのご案内", saved.Subject);
        Assert.Equal(input.Body, saved.Body);
        Assert.Equal(rep.Id, saved.OwnerUserId);
        Assert.False(saved.IsShared);
    }

    [Fact]
    public async Task Save_SubjectWithLineBreakAndNoName_ReturnsJapaneseErrors()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var outcome = await _services.Get<SaveTemplateCommand>().SaveAsync(
            rep, 0, new TemplateInput { Name = " ", Subject = "件名\r\nBcc: x@evil.test" }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("テンプレート名を入力してください。", Assert.Single(outcome.Errors, e => e.PropertyName == nameof(TemplateInput.Name)).ErrorMessage);
        Assert.Equal("改行や制御文字は使用できません。", Assert.Single(outcome.Errors, e => e.PropertyName == nameof(TemplateInput.Subject)).ErrorMessage);
    }

    [Fact]
    public async Task List_OtherRepsPersonalTemplate_NotListedButSharedOneIs()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        await SaveAsync(owner, 0, new TemplateInput { Name = "個人用メモ", Subject = "個人" });
        await SaveAsync(owner, 0, new TemplateInput { Name = "共有の挨拶", Subject = "ご挨拶", IsShared = true });
        await SaveAsync(other, 0, new TemplateInput { Name = "自分の案内", Subject = "Seminar" });

        var list = await _services.Get<ListTemplatesQuery>().ListAsync(other, null, CancellationToken.None);

        Assert.Equal(["共有の挨拶", "自分の案内"], list.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_SearchText_MatchesNameOrSubjectIgnoringCase()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        await SaveAsync(rep, 0, new TemplateInput { Name = "展示会フォロー", Subject = "先日はありがとうございました" });
        await SaveAsync(rep, 0, new TemplateInput { Name = "セミナー案内", Subject = "Webinar 100% free" });
        var list = _services.Get<ListTemplatesQuery>();

        Assert.Equal("展示会フォロー", Assert.Single(await list.ListAsync(rep, "展示", CancellationToken.None)).Name);
        Assert.Equal("セミナー案内", Assert.Single(await list.ListAsync(rep, "WEBINAR", CancellationToken.None)).Name);
        // "%" is matched literally, not as a LIKE wildcard.
        Assert.Equal("セミナー案内", Assert.Single(await list.ListAsync(rep, "%", CancellationToken.None)).Name);
    }

    [Fact]
    public async Task Get_OtherRepsPersonalTemplate_NotFound()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Manager);
        var id = await SaveAsync(owner, 0, new TemplateInput { Name = "個人", Subject = "個人" });

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<GetTemplateQuery>().GetAsync(other, id, CancellationToken.None));
    }

    [Fact]
    public async Task Save_OtherRepEditsSharedTemplate_ForbiddenAndUnchanged()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var id = await SaveAsync(owner, 0, new TemplateInput { Name = "共有", Subject = "元の件名", IsShared = true });

        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<SaveTemplateCommand>().SaveAsync(
            other, id, new TemplateInput { Name = "共有", Subject = "書き換え" }, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<DeleteTemplateCommand>().DeleteAsync(other, id, CancellationToken.None));

        Assert.Equal("元の件名", (await _services.Get<GetTemplateQuery>().GetAsync(owner, id, CancellationToken.None)).Subject);
    }

    [Fact]
    public async Task Save_ManagerEditsSharedTemplate_UpdatesAndKeepsOwner()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var id = await SaveAsync(owner, 0, new TemplateInput { Name = "共有", Subject = "元の件名", IsShared = true });

        await SaveAsync(manager, id, new TemplateInput { Name = "共有", Subject = "直した件名", IsShared = true });

        var saved = await _services.Get<GetTemplateQuery>().GetAsync(owner, id, CancellationToken.None);
        Assert.Equal("直した件名", saved.Subject);
        Assert.Equal(owner.Id, saved.OwnerUserId);
    }

    [Fact]
    public async Task Save_ManagerEditsPersonalTemplate_NotFound()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var id = await SaveAsync(owner, 0, new TemplateInput { Name = "個人", Subject = "個人" });

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<SaveTemplateCommand>().SaveAsync(
            manager, id, new TemplateInput { Name = "個人", Subject = "上書き" }, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<DeleteTemplateCommand>().DeleteAsync(manager, id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_ManagerDeletesSharedTemplate_Gone()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var id = await SaveAsync(owner, 0, new TemplateInput { Name = "古い共有", Subject = "件名", IsShared = true });

        await _services.Get<DeleteTemplateCommand>().DeleteAsync(manager, id, CancellationToken.None);

        Assert.Empty(await _services.Get<ListTemplatesQuery>().ListAsync(owner, null, CancellationToken.None));
    }

    private async Task<long> SaveAsync(CurrentUser actor, long id, TemplateInput input)
    {
        var outcome = await _services.Get<SaveTemplateCommand>().SaveAsync(actor, id, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        return outcome.Value;
    }
}
